import "server-only";
import { Pool, request as undiciRequest } from "undici";
import { fail, type Failure } from "./types";

export type ReadMode = { kind: "dump" } | { kind: "text"; maxBytes: number } | { kind: "sink"; onChunk: (chunk: Buffer) => void };

export interface SendInput {
  url: URL;
  method: "GET" | "HEAD";
  headers: Record<string, string>;
  read: ReadMode;
  timeoutMs: number;
  signal?: AbortSignal;
  connections: number;
}

export type Sent = { ok: true; status: number; headers: Record<string, string | undefined>; text: string; bytes: number } | Failure;

const g = globalThis as typeof globalThis & { __registryPools?: Map<string, Pool> };

/** One keep-alive pool per origin and size, kept on globalThis so dev reloads don't leak sockets. */
function poolFor(origin: string, connections: number): Pool {
  g.__registryPools ??= new Map();
  const key = `${origin}|${connections}`;
  let pool = g.__registryPools.get(key);
  if (!pool) {
    pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30_000, headersTimeout: 30_000, bodyTimeout: 30_000 });
    g.__registryPools.set(key, pool);
  }
  return pool;
}

export async function closeRegistryPools(): Promise<void> {
  const pools = [...(g.__registryPools?.values() ?? [])];
  g.__registryPools?.clear();
  await Promise.all(pools.map((p) => p.close().catch(() => undefined)));
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function transportFailure(err: unknown, timedOut: boolean, inBody: boolean): Failure {
  const code = (err as { code?: string } | null)?.code ?? "";
  if (timedOut || /TIMEOUT/.test(code)) return fail(null, "TIMEOUT", "the registry did not answer in time");
  if (inBody) return fail(null, "BODY_TRUNCATED", "the connection closed before the whole body arrived");
  return fail(null, "CONNECTION", code === "ECONNREFUSED" ? "connection refused" : "could not connect to the registry");
}

/** One HTTP exchange; the body is always consumed or dumped before this returns. */
export async function send(input: SendInput, external = false): Promise<Sent> {
  // One controller and one timer per request: cheaper than AbortSignal.timeout + AbortSignal.any on a hot path.
  const ac = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ac.abort();
  }, input.timeoutMs);
  const onAbort = () => ac.abort();
  input.signal?.addEventListener("abort", onAbort, { once: true });
  const signal = ac.signal;
  let inBody = false;
  try {
    const opts = { method: input.method, headers: input.headers, signal };
    const res = external
      ? await undiciRequest(input.url, opts)
      : await poolFor(input.url.origin, input.connections).request({ ...opts, path: input.url.pathname + input.url.search });
    inBody = true;
    const headers = flatHeaders(res.headers);
    let text = "";
    let bytes = 0;
    const read: ReadMode = input.read.kind === "sink" && res.statusCode !== 200 ? { kind: "text", maxBytes: 65_536 } : input.read;
    if (input.method === "HEAD" || read.kind === "dump") await res.body.dump();
    else if (read.kind === "sink") {
      for await (const chunk of res.body) {
        bytes += (chunk as Buffer).length;
        read.onChunk(chunk as Buffer);
      }
    } else {
      const parts: Buffer[] = [];
      for await (const chunk of res.body) {
        bytes += (chunk as Buffer).length;
        if (bytes > read.maxBytes) {
          res.body.destroy();
          return fail(res.statusCode, "TOO_LARGE", `the body is larger than ${read.maxBytes} bytes`);
        }
        parts.push(chunk as Buffer);
      }
      text = Buffer.concat(parts).toString("utf8");
    }
    return { ok: true, status: res.statusCode, headers, text, bytes };
  } catch (err) {
    if (input.signal?.aborted) throw err;
    return transportFailure(err, timedOut, inBody);
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener("abort", onAbort);
  }
}
