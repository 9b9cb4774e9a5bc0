import "server-only";
import { isTerminalState } from "@/lib/ci/states";

export interface Polled {
  status: string;
}

export type WatchEnd<P extends Polled> =
  { kind: "terminal"; pipeline: P } | { kind: "gave-up"; last: P | null } | { kind: "lost"; last: P | null; error: unknown };

export interface WatchOptions {
  /** Absolute time (ms since epoch) after which the watch gives up. */
  deadline: number;
  pollMs: number;
  signal: AbortSignal;
  /** Consecutive failed polls before the watch stops (a deleted pipeline, a revoked token). */
  maxErrors?: number;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const onAbort = () => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });

/**
 * Polls a pipeline until it reaches a terminal state, the deadline passes, or polling keeps
 * failing. `onChange` sees every new status once. An aborted signal ends it as "gave-up".
 */
export async function watchPipeline<P extends Polled>(
  poll: (signal: AbortSignal) => Promise<P>,
  onChange: (p: P) => Promise<void>,
  opts: WatchOptions,
): Promise<WatchEnd<P>> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  const maxErrors = opts.maxErrors ?? 10;
  let last: P | null = null;
  let errors = 0;
  while (!opts.signal.aborted) {
    try {
      const p = await poll(opts.signal);
      errors = 0;
      if (!last || last.status !== p.status) await onChange(p);
      last = p;
      if (isTerminalState(p.status)) return { kind: "terminal", pipeline: p };
    } catch (err) {
      if (opts.signal.aborted) break;
      if (++errors >= maxErrors) return { kind: "lost", last, error: err };
    }
    if (now() >= opts.deadline) break;
    await sleep(Math.min(opts.pollMs, Math.max(0, opts.deadline - now())), opts.signal);
  }
  return { kind: "gave-up", last };
}
