import "server-only";
import { createHash } from "node:crypto";
import net from "node:net";
import { Redis } from "ioredis";
import { ReplyParseError } from "./redis-parse/errors";
import { parseInfo, type InfoSections } from "./redis-parse/info";
import { parseRole, type RoleReply } from "./redis-parse/role";

export interface RedisTarget {
  host: string;
  port: number;
  username?: string;
  password?: string;
}

export type FailureStatus = "down" | "timeout" | "auth-failed" | "error";
/** A command that failed on its own (e.g. CONFIG disabled) is an Error in `replies`; the rest still count. */
export type CommandsResult =
  | { ok: true; replies: (unknown | Error)[]; latencyMs: number }
  | { ok: false; status: FailureStatus; message: string; latencyMs: number };

interface Pooled {
  client: Redis;
  lastError: Error | null;
  /** Settles when the connection is usable (shared by concurrent callers of the same address). */
  ready: Promise<void> | null;
}

const g = globalThis as typeof globalThis & { __switchboardRedisPool?: Map<string, Pooled> };
const pool = (g.__switchboardRedisPool ??= new Map());

/** Credentials are part of the key (hashed): a changed password never reuses an old session. */
const keyOf = (t: RedisTarget) => `${t.username ?? ""}:${createHash("sha256").update(t.password ?? "").digest("hex").slice(0, 12)}@${t.host}:${t.port}`;

function createClient(t: RedisTarget, connectTimeout: number): Pooled {
  const pooled: Pooled = {
    lastError: null,
    ready: null,
    client: new Redis({
      host: t.host,
      port: t.port,
      username: t.username,
      password: t.password,
      lazyConnect: true,
      connectTimeout: Math.max(50, connectTimeout),
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
      // RESP2 and no CLIENT SETINFO: the same bytes for every server version, no extra round trips.
      protocol: 2,
      disableClientInfo: true,
      // Observation never follows redirects or sentinels: one socket to exactly this process.
      autoResubscribe: false,
    }),
  };
  pooled.client.on("error", (err: Error) => {
    pooled.lastError = err;
  });
  return pooled;
}

export function classifyError(err: unknown): { status: FailureStatus; message: string } {
  const text = err instanceof Error ? err.message : String(err);
  if (/WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(text)) return { status: "auth-failed", message: "auth failed" };
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|Connection is closed|ECONNRESET/i.test(text)) return { status: "down", message: "not reachable" };
  if (/timed? ?out|ETIMEDOUT|deadline/i.test(text)) return { status: "timeout", message: "no answer before the deadline" };
  return { status: "error", message: "unexpected error" };
}

class DeadlineError extends Error {
  constructor() {
    super("deadline");
  }
}

function beforeDeadline<T>(p: Promise<T>, deadlineAt: number, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeadlineError()), Math.max(0, deadlineAt - Date.now()));
    const onAbort = () => reject(new DeadlineError());
    signal?.addEventListener("abort", onAbort, { once: true });
    p.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    });
  });
}

function drop(key: string, pooled: Pooled) {
  if (pool.get(key) === pooled) pool.delete(key);
  pooled.client.disconnect();
}

/** Runs commands as one pipeline on a pooled direct connection; never throws. */
export async function sendCommands(t: RedisTarget, commands: string[][], deadlineAt: number, signal?: AbortSignal): Promise<CommandsResult> {
  const started = performance.now();
  const key = keyOf(t);
  let pooled = pool.get(key);
  if (pooled && (pooled.client.status === "end" || pooled.client.status === "close")) {
    drop(key, pooled);
    pooled = undefined;
  }
  try {
    if (!pooled) {
      const p = createClient(t, deadlineAt - Date.now());
      p.ready = p.client.connect().catch((err: unknown) => {
        throw p.lastError ?? err;
      });
      p.ready.catch(() => undefined);
      pool.set(key, p);
      pooled = p;
    }
    if (pooled.client.status !== "ready") await beforeDeadline(pooled.ready ?? Promise.resolve(), deadlineAt, signal);
    const pipeline = pooled.client.pipeline();
    for (const [cmd, ...args] of commands) pipeline.call(cmd!, ...args);
    const results: [Error | null, unknown][] = (await beforeDeadline(pipeline.exec(), deadlineAt, signal)) ?? [];
    return { ok: true, replies: results.map(([err, value]) => err ?? value), latencyMs: performance.now() - started };
  } catch (err) {
    const p = pooled;
    if (p) drop(key, p);
    const latencyMs = performance.now() - started;
    if (err instanceof DeadlineError) return { ok: false, status: "timeout", message: "no answer before the deadline", latencyMs };
    return { ok: false, ...classifyError(p?.lastError ?? err), latencyMs };
  }
}

const encode = (args: string[]) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;

/** Splits a buffer of RESP replies into simple strings/errors and bulk strings (what AUTH/INFO/QUIT return). */
function readReplies(buf: Buffer): (string | Error)[] | null {
  const out: (string | Error)[] = [];
  let i = 0;
  while (i < buf.length) {
    const eol = buf.indexOf("\r\n", i);
    if (eol < 0) return null;
    const head = buf.toString("utf8", i, eol);
    if (head[0] === "+") out.push(head.slice(1));
    else if (head[0] === "-") out.push(new Error(head.slice(1)));
    else if (head[0] === "$") {
      const len = Number(head.slice(1));
      if (!Number.isInteger(len) || len < 0) return null;
      if (buf.length < eol + 2 + len + 2) return null;
      out.push(buf.toString("utf8", eol + 2, eol + 2 + len));
      i = eol + 2 + len + 2;
      continue;
    } else return null;
    i = eol + 2;
  }
  return out;
}

/**
 * A fresh connection (not pooled, raw RESP: it is made every snapshot) that sends AUTH, INFO server and
 * QUIT: which process answers behind a proxy for a new client.
 */
export function identifyServer(t: RedisTarget, deadlineAt: number, signal?: AbortSignal): Promise<CommandsResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect({ host: t.host, port: t.port });
    let done = false;
    const finish = (r: CommandsResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      socket.destroy();
      resolve(r);
    };
    const fail = (status: FailureStatus, message: string) => finish({ ok: false, status, message, latencyMs: performance.now() - started });
    const onAbort = () => fail("timeout", "no answer before the deadline");
    const timer = setTimeout(onAbort, Math.max(1, deadlineAt - Date.now()));
    signal?.addEventListener("abort", onAbort, { once: true });
    const auth = t.password ? [encode(t.username ? ["AUTH", t.username, t.password] : ["AUTH", t.password])] : [];
    socket.on("connect", () => socket.write([...auth, encode(["INFO", "server"]), encode(["QUIT"])].join("")));
    const settle = (closed: boolean) => {
      const replies = readReplies(Buffer.concat(chunks));
      if (!closed && (replies === null || replies.length <= auth.length)) return;
      const info = replies?.[auth.length];
      if (auth.length && replies?.[0] instanceof Error) return fail("auth-failed", "auth failed");
      if (typeof info !== "string") return fail(replies === null ? "error" : "down", replies === null ? "unexpected reply" : "connection closed without an answer");
      finish({ ok: true, replies: [info], latencyMs: performance.now() - started });
    };
    // Done as soon as the INFO reply is complete; QUIT only makes the server hang up cleanly.
    socket.on("data", (c: Buffer) => {
      chunks.push(c);
      settle(false);
    });
    socket.on("error", (err) => fail(classifyError(err).status, classifyError(err).message));
    socket.on("close", () => settle(true));
  });
}

/** Closes every pooled connection (tests, shutdown). */
export function closeRedisPool(): void {
  for (const [key, p] of pool) drop(key, p);
}

export const NODE_CONFIG_KEYS = ["appendonly", "save", "min-replicas-to-write", "replica-priority", "maxmemory-policy"] as const;

export type NodeReading =
  | { ok: true; role: RoleReply; info: InfoSections; config: Record<string, string | null>; latencyMs: number }
  | { ok: false; status: FailureStatus | "parse-error"; message: string; latencyMs: number };

/** ROLE, INFO (default sections) and a few CONFIG values in one round trip. */
export async function queryNode(t: RedisTarget, deadlineAt: number, signal?: AbortSignal): Promise<NodeReading> {
  const r = await sendCommands(t, [["ROLE"], ["INFO"], ...NODE_CONFIG_KEYS.map((k) => ["CONFIG", "GET", k])], deadlineAt, signal);
  if (!r.ok) return r;
  const [role, info, ...configs] = r.replies;
  try {
    if (role instanceof Error || info instanceof Error) throw new ReplyParseError("node", "ROLE or INFO refused");
    const config: Record<string, string | null> = {};
    NODE_CONFIG_KEYS.forEach((k, i) => {
      const v = configs[i];
      config[k] = Array.isArray(v) && v.length >= 2 ? String(v[1]) : null;
    });
    return { ok: true, role: parseRole(role), info: parseInfo(info), config, latencyMs: r.latencyMs };
  } catch (err) {
    if (err instanceof ReplyParseError) return { ok: false, status: "parse-error", message: `unreadable reply (${err.what})`, latencyMs: r.latencyMs };
    throw err;
  }
}
