import "server-only";
import { logger } from "./logger";

export interface Job {
  /** Unique, e.g. "registry-probe:private". */
  name: string;
  intervalMs: number;
  /** Delay before the first run (default: a small jitter so jobs don't start together). */
  initialDelayMs?: number;
  run: (signal: AbortSignal) => Promise<void>;
}

interface State {
  timers: Map<string, NodeJS.Timeout>;
  running: Set<string>;
  abort: AbortController;
}

const g = globalThis as typeof globalThis & { __switchboardScheduler?: State };

/**
 * Runs each job every intervalMs; a job never overlaps itself. Jobs that must run on only one
 * replica take a store lock inside run() (the same lease the actions use).
 */
export function startJobs(jobs: Job[]): void {
  if (g.__switchboardScheduler) return;
  const state: State = { timers: new Map(), running: new Set(), abort: new AbortController() };
  g.__switchboardScheduler = state;
  for (const job of jobs) {
    const tick = async () => {
      if (state.running.has(job.name) || state.abort.signal.aborted) return;
      state.running.add(job.name);
      try {
        await job.run(state.abort.signal);
      } catch (err) {
        logger.error({ op: "job", job: job.name, err }, "job failed");
      } finally {
        state.running.delete(job.name);
        if (!state.abort.signal.aborted) state.timers.set(job.name, setTimeout(() => void tick(), job.intervalMs).unref());
      }
    };
    const delay = job.initialDelayMs ?? 500 + Math.floor(Math.random() * 1500);
    state.timers.set(job.name, setTimeout(() => void tick(), delay).unref());
  }
  logger.info({ op: "scheduler", jobs: jobs.map((j) => j.name) }, "scheduler started");
}

export function stopJobs(): void {
  const state = g.__switchboardScheduler;
  if (!state) return;
  state.abort.abort();
  for (const t of state.timers.values()) clearTimeout(t);
  delete g.__switchboardScheduler;
}
