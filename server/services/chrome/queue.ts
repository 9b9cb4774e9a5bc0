import "server-only";

export type Admission<T> = { ok: true; value: T } | { ok: false; reason: "queue-full" | "waited-too-long" };

interface Waiter {
  label: string;
  admit: () => void;
  timer: NodeJS.Timeout;
}

/** Concurrency limit in front of the shared browser: a bounded queue with a maximum wait. */
export class PressureQueue {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private rejected = 0;
  private readonly dropped: { check: string; at: string; reason: string }[] = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting: number,
    readonly maxWaitMs: number,
  ) {}

  /**
   * Runs `fn` in a slot. `holdUntil(p)` keeps the slot taken after `fn` returns until `p` settles
   * (a context still closing on the shared browser), so the caller needn't wait for it.
   */
  async run<T>(label: string, fn: (holdUntil: (work: Promise<unknown>) => void) => Promise<T>): Promise<Admission<T>> {
    if (this.running >= this.limit) {
      const admitted = await this.enqueue(label);
      if (admitted !== true) return this.reject(label, admitted);
    } else this.running += 1;
    const held: Promise<unknown>[] = [];
    try {
      return { ok: true, value: await fn((work) => void held.push(work)) };
    } finally {
      if (held.length === 0) this.release();
      else void Promise.allSettled(held).then(() => this.release());
    }
  }

  stats() {
    return {
      limit: this.limit,
      running: this.running,
      queued: this.waiting.length,
      rejected: this.rejected,
      maxWaiting: this.maxWaiting,
      maxWaitMs: this.maxWaitMs,
      recentDropped: [...this.dropped],
    };
  }

  private enqueue(label: string): Promise<true | "queue-full" | "waited-too-long"> {
    if (this.waiting.length >= this.maxWaiting) return Promise.resolve("queue-full");
    return new Promise((resolve) => {
      const waiter: Waiter = {
        label,
        admit: () => {
          clearTimeout(waiter.timer);
          resolve(true);
        },
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(waiter);
          if (i >= 0) this.waiting.splice(i, 1);
          resolve("waited-too-long");
        }, this.maxWaitMs),
      };
      waiter.timer.unref?.();
      this.waiting.push(waiter);
    });
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next.admit();
    else this.running -= 1;
  }

  private reject<T>(label: string, reason: "queue-full" | "waited-too-long"): Admission<T> {
    this.rejected += 1;
    this.dropped.unshift({ check: label, at: new Date().toISOString(), reason });
    this.dropped.length = Math.min(this.dropped.length, 10);
    return { ok: false, reason };
  }
}
