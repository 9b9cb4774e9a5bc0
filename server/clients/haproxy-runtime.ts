import "server-only";
import net from "node:net";

export type RuntimeCommand = "show stat" | `show stat ${string} 4 -1` | `show servers state ${string}`;
export type RuntimeResult = { ok: true; value: string[] } | { ok: false; message: string };

/**
 * One long-lived runtime API connection per address in interactive ("prompt") mode: every command's
 * output ends with "\n> ". Requests on a session run one at a time; any error, timeout or close
 * drops the session and the next request connects again.
 */
interface Session {
  socket: net.Socket;
  buf: string;
  fresh: boolean;
  closed: boolean;
  queue: Promise<unknown>;
  onChange: (() => void) | null;
}

const PROMPT = "\n> ";
const g = globalThis as typeof globalThis & { __switchboardHaproxyRuntime?: Map<string, Session> };
const sessions = (g.__switchboardHaproxyRuntime ??= new Map());

function connectTo(address: string): net.Socket {
  const tcp = /^tcp:\/\/(.+):(\d+)$/.exec(address);
  return tcp ? net.connect({ host: tcp[1]!, port: Number(tcp[2]) }) : net.connect({ path: address.replace(/^unix:\/\//, "") });
}

function sessionFor(address: string): Session {
  const existing = sessions.get(address);
  if (existing && !existing.closed) return existing;
  const s: Session = { socket: connectTo(address), buf: "", fresh: true, closed: false, queue: Promise.resolve(), onChange: null };
  s.socket.setNoDelay(true);
  s.socket.setEncoding("utf8");
  s.socket.on("data", (chunk: string) => {
    s.buf += chunk;
    s.onChange?.();
  });
  const end = () => {
    s.closed = true;
    if (sessions.get(address) === s) sessions.delete(address);
    s.onChange?.();
  };
  s.socket.on("error", end);
  s.socket.on("close", end);
  sessions.set(address, s);
  return s;
}

function describe(err: NodeJS.ErrnoException | null): string {
  return err && /ECONNREFUSED|ENOENT/.test(err.code ?? "") ? "not reachable" : "the runtime API closed the connection";
}

function exchange(
  s: Session,
  commands: RuntimeCommand[],
  deadlineAt: number,
  signal?: AbortSignal,
): Promise<RuntimeResult & { retry?: boolean }> {
  return new Promise((resolve) => {
    const wasFresh = s.fresh;
    const expected = commands.length + (wasFresh ? 1 : 0);
    let lastError: NodeJS.ErrnoException | null = null;
    const onError = (err: NodeJS.ErrnoException) => (lastError = err);
    const finish = (r: RuntimeResult & { retry?: boolean }, keep: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      s.socket.off("error", onError);
      s.onChange = null;
      if (!keep) s.socket.destroy();
      resolve(r);
    };
    const onAbort = () => finish({ ok: false, message: "no answer before the deadline" }, false);
    const timer = setTimeout(onAbort, Math.max(1, deadlineAt - Date.now()));
    signal?.addEventListener("abort", onAbort, { once: true });
    s.socket.on("error", onError);
    s.onChange = () => {
      const parts = s.buf.split(PROMPT);
      if (parts.length > expected) {
        s.buf = parts.slice(expected).join(PROMPT);
        s.fresh = false;
        return finish({ ok: true, value: parts.slice(wasFresh ? 1 : 0, expected) }, true);
      }
      // A reused session that HAProxy closed while idle (its stats timeout) is retried once on a new one.
      if (s.closed) finish({ ok: false, message: describe(lastError), retry: !wasFresh && s.buf === "" }, false);
    };
    s.socket.write(`${wasFresh ? "prompt\n" : ""}${commands.join("; ")}\n`);
    if (s.closed) s.onChange();
  });
}

/** Runtime API commands in one round trip ("a; b" on one line) over tcp://host:port or unix:///path. */
export async function runtimeCommands(
  address: string,
  commands: RuntimeCommand[],
  deadlineAt: number,
  signal?: AbortSignal,
): Promise<RuntimeResult> {
  for (let attempt = 0; ; attempt++) {
    const s = sessionFor(address);
    const run = s.queue.then(() =>
      s.closed
        ? { ok: false as const, message: "the runtime API closed the connection", retry: true }
        : exchange(s, commands, deadlineAt, signal),
    );
    s.queue = run.catch(() => undefined);
    const r = await run;
    if (r.ok || !r.retry || attempt > 0 || Date.now() >= deadlineAt) return r.ok ? r : { ok: false, message: r.message };
  }
}

/** Closes every runtime API session (tests, shutdown). */
export function closeRuntimeSessions(): void {
  for (const s of sessions.values()) s.socket.destroy();
  sessions.clear();
}
