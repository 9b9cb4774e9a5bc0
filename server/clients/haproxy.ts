import "server-only";
import net from "node:net";
import { readFile } from "node:fs/promises";
import { request } from "undici";
import { parseBackendCheck, type HealthCheckConfig } from "./haproxy-parse/check-config";
import { parseServersState, parseStatsCsv } from "./haproxy-parse/stats";

export type HaproxyResult<T> = { ok: true; value: T } | { ok: false; message: string };

const remaining = (deadlineAt: number) => Math.max(1, deadlineAt - Date.now());

/** GET the stats page as CSV (`…/stats;csv`). */
export async function fetchStatsCsv(url: string, deadlineAt: number, signal?: AbortSignal): Promise<HaproxyResult<Record<string, string>[]>> {
  const timeout = AbortSignal.timeout(remaining(deadlineAt));
  try {
    const res = await request(url, {
      method: "GET",
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headersTimeout: remaining(deadlineAt),
      bodyTimeout: remaining(deadlineAt),
    });
    if (res.statusCode !== 200) {
      await res.body.dump();
      return { ok: false, message: `stats answered HTTP ${res.statusCode}` };
    }
    const text = await res.body.text();
    return { ok: true, value: parseStatsCsv(text) };
  } catch (err) {
    return { ok: false, message: describe(err) };
  }
}

/** One runtime API command over tcp://host:port or unix:///path; the API closes the socket after answering. */
export function runtimeCommand(address: string, command: "show stat" | `show servers state ${string}`, deadlineAt: number, signal?: AbortSignal): Promise<HaproxyResult<string>> {
  return new Promise((resolve) => {
    const tcp = /^tcp:\/\/(.+):(\d+)$/.exec(address);
    const socket = tcp ? net.connect({ host: tcp[1]!, port: Number(tcp[2]) }) : net.connect({ path: address.replace(/^unix:\/\//, "") });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (r: HaproxyResult<string>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      socket.destroy();
      resolve(r);
    };
    const onAbort = () => finish({ ok: false, message: "no answer before the deadline" });
    const timer = setTimeout(onAbort, remaining(deadlineAt));
    signal?.addEventListener("abort", onAbort, { once: true });
    socket.on("connect", () => socket.write(`${command}\n`));
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", (err) => finish({ ok: false, message: describe(err) }));
    socket.on("close", () => finish({ ok: true, value: Buffer.concat(chunks).toString("utf8") }));
  });
}

export async function showServersState(address: string, backend: string, deadlineAt: number, signal?: AbortSignal): Promise<HaproxyResult<Record<string, string>[]>> {
  const r = await runtimeCommand(address, `show servers state ${backend}`, deadlineAt, signal);
  if (!r.ok) return r;
  try {
    return { ok: true, value: parseServersState(r.value) };
  } catch {
    return { ok: false, message: "unreadable runtime API reply" };
  }
}

export async function readCheckConfig(file: string, backend: string): Promise<HaproxyResult<HealthCheckConfig | null>> {
  try {
    return { ok: true, value: parseBackendCheck(await readFile(file, "utf8"), backend) };
  } catch {
    return { ok: false, message: "the HAProxy config file is not readable" };
  }
}

function describe(err: unknown): string {
  const text = err instanceof Error ? `${err.name} ${err.message} ${(err as NodeJS.ErrnoException).code ?? ""}` : "";
  if (/ECONNREFUSED|ENOENT/.test(text)) return "not reachable";
  if (/Timeout|abort/i.test(text)) return "no answer before the deadline";
  if (/ReplyParseError/.test(text)) return "unreadable stats CSV";
  return "request failed";
}
