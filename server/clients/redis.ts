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
  | { ok: true; replies: (unknown | Error)[]; latencyMs: number; perConnection?: (unknown | Error)[] }
  | { ok: false; status: FailureStatus; message: string; latencyMs: number };

interface Pooled {
  client: Redis;
  lastError: Error | null;
  /** Settles when the connection is usable (shared by concurrent callers of the same address). */
  ready: Promise<void> | null;
  /** Replies that hold for the life of this connection (e.g. the server's version), by command. */
  memo: Map<string, unknown>;
  /** The server refused the multi-argument INFO/CONFIG GET forms (before Redis 7). */
  legacy: boolean;
}

const g = globalThis as typeof globalThis & { __switchboardRedisPool?: Map<string, Pooled> };
const pool = (g.__switchboardRedisPool ??= new Map());

/** Credentials are part of the key (hashed): a changed password never reuses an old session. */
const keyOf = (t: RedisTarget) =>
  `${t.username ?? ""}:${createHash("sha256")
    .update(t.password ?? "")
    .digest("hex")
    .slice(0, 12)}@${t.host}:${t.port}`;

function createClient(t: RedisTarget, connectTimeout: number): Pooled {
  const pooled: Pooled = {
    lastError: null,
    ready: null,
    memo: new Map(),
    legacy: false,
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
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|Connection is closed|ECONNRESET/i.test(text))
    return { status: "down", message: "not reachable" };
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

function pooledFor(t: RedisTarget, deadlineAt: number): { key: string; pooled: Pooled } {
  const key = keyOf(t);
  let pooled = pool.get(key);
  if (pooled && (pooled.client.status === "end" || pooled.client.status === "close")) {
    drop(key, pooled);
    pooled = undefined;
  }
  if (!pooled) {
    const p = createClient(t, deadlineAt - Date.now());
    p.ready = p.client.connect().catch((err: unknown) => {
      throw p.lastError ?? err;
    });
    p.ready.catch(() => undefined);
    pool.set(key, p);
    pooled = p;
  }
  return { key, pooled };
}

export interface SendOptions {
  signal?: AbortSignal;
  /** Commands whose reply holds for the life of a connection: sent once per connection, then served from memory. */
  perConnection?: string[][];
  /** Picks the commands once the connection is ready (`legacy`: the server refused the Redis 7 multi-argument forms). */
  commandsFor?: (legacy: boolean) => string[][];
}

/**
 * Runs commands as one pipeline on a pooled direct connection (one round trip); never throws.
 * A connection that failed is dropped; the next call connects again.
 */
export async function sendCommands(
  t: RedisTarget,
  commands: string[][],
  deadlineAt: number,
  opts: SendOptions = {},
): Promise<CommandsResult> {
  const started = performance.now();
  const { key, pooled } = pooledFor(t, deadlineAt);
  try {
    if (pooled.client.status !== "ready") await beforeDeadline(pooled.ready ?? Promise.resolve(), deadlineAt, opts.signal);
    const once = (opts.perConnection ?? []).filter((c) => !pooled.memo.has(c.join(" ")));
    const main = opts.commandsFor ? opts.commandsFor(pooled.legacy) : commands;
    const pipeline = pooled.client.pipeline();
    for (const [cmd, ...args] of [...once, ...main]) pipeline.call(cmd!, ...args);
    const results: [Error | null, unknown][] = (await beforeDeadline(pipeline.exec(), deadlineAt, opts.signal)) ?? [];
    const replies = results.map(([err, value]) => err ?? value);
    once.forEach((c, i) => {
      if (!(replies[i] instanceof Error)) pooled.memo.set(c.join(" "), replies[i]);
    });
    const perConnection = (opts.perConnection ?? []).map((c) => {
      const i = once.indexOf(c);
      return i >= 0 ? replies[i] : pooled.memo.get(c.join(" "));
    });
    return { ok: true, replies: replies.slice(once.length), perConnection, latencyMs: performance.now() - started };
  } catch (err) {
    drop(key, pooled);
    const latencyMs = performance.now() - started;
    if (err instanceof DeadlineError) return { ok: false, status: "timeout", message: "no answer before the deadline", latencyMs };
    return { ok: false, ...classifyError(pooled.lastError ?? err), latencyMs };
  }
}

/** Marks a pooled connection as speaking only the pre-7 command forms. */
function markLegacy(t: RedisTarget): void {
  const p = pool.get(keyOf(t));
  if (p) p.legacy = true;
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
      if (typeof info !== "string")
        return fail(replies === null ? "error" : "down", replies === null ? "unexpected reply" : "connection closed without an answer");
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
/** The INFO sections the snapshot uses (clients, stats, cpu, … are not read). */
export const NODE_INFO_SECTIONS = ["server", "replication", "persistence", "memory", "keyspace"] as const;

const modernCommands = () => [["ROLE"], ["INFO", ...NODE_INFO_SECTIONS], ["CONFIG", "GET", ...NODE_CONFIG_KEYS]];
const legacyCommands = () => [["ROLE"], ["INFO"], ...NODE_CONFIG_KEYS.map((k) => ["CONFIG", "GET", k])];
const refusedForm = (v: unknown) => v instanceof Error && /syntax error|wrong number of arguments/i.test(v.message);

export type NodeReading =
  | { ok: true; role: RoleReply; info: InfoSections; config: Record<string, string | null>; latencyMs: number }
  | { ok: false; status: FailureStatus | "parse-error"; message: string; latencyMs: number };

function readConfig(replies: unknown[]): Record<string, string | null> {
  const pairs = new Map<string, string>();
  for (const v of replies) {
    if (!Array.isArray(v)) continue;
    for (let i = 0; i + 1 < v.length; i += 2) pairs.set(String(v[i]), String(v[i + 1]));
  }
  return Object.fromEntries(NODE_CONFIG_KEYS.map((k) => [k, pairs.get(k) ?? null]));
}

/** ROLE, the INFO sections in use and a few CONFIG values in one round trip (Redis 7 forms; older servers once more with the old forms). */
export async function queryNode(t: RedisTarget, deadlineAt: number, signal?: AbortSignal): Promise<NodeReading> {
  let r = await sendCommands(t, [], deadlineAt, { signal, commandsFor: (legacy) => (legacy ? legacyCommands() : modernCommands()) });
  if (r.ok && r.replies.length === 3 && (refusedForm(r.replies[1]) || refusedForm(r.replies[2]))) {
    markLegacy(t);
    const latency = r.latencyMs;
    r = await sendCommands(t, legacyCommands(), deadlineAt, { signal });
    r.latencyMs += latency;
  }
  if (!r.ok) return r;
  const [role, info, ...configs] = r.replies;
  try {
    if (role instanceof Error || info instanceof Error) throw new ReplyParseError("node", "ROLE or INFO refused");
    return { ok: true, role: parseRole(role), info: parseInfo(info), config: readConfig(configs), latencyMs: r.latencyMs };
  } catch (err) {
    if (err instanceof ReplyParseError)
      return { ok: false, status: "parse-error", message: `unreadable reply (${err.what})`, latencyMs: r.latencyMs };
    throw err;
  }
}
