import { describe, expect, it } from "vitest";
import { PressureQueue } from "./queue";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("PressureQueue", () => {
  it("never runs more than the limit at once and admits waiters in order", async () => {
    const q = new PressureQueue(2, 10, 5_000);
    let peak = 0;
    let active = 0;
    const order: number[] = [];
    const gates = Array.from({ length: 5 }, deferred);
    const runs = gates.map((g, i) =>
      q.run(`c${i}`, async () => {
        active += 1;
        peak = Math.max(peak, active);
        order.push(i);
        await g.promise;
        active -= 1;
        return i;
      }),
    );
    await Promise.resolve();
    expect(q.stats()).toMatchObject({ running: 2, queued: 3 });
    gates.forEach((g) => g.resolve());
    const results = await Promise.all(runs);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(q.stats()).toMatchObject({ running: 0, queued: 0, rejected: 0 });
  });

  it("rejects when the queue is full and counts the drop", async () => {
    const q = new PressureQueue(1, 1, 5_000);
    const gate = deferred();
    const first = q.run("a", () => gate.promise);
    const second = q.run("b", async () => "b");
    const third = await q.run("c", async () => "c");
    expect(third).toEqual({ ok: false, reason: "queue-full" });
    expect(q.stats().rejected).toBe(1);
    expect(q.stats().recentDropped[0]).toMatchObject({ check: "c", reason: "queue-full" });
    gate.resolve();
    await first;
    expect(await second).toEqual({ ok: true, value: "b" });
  });

  it("drops a check that waited longer than the maximum wait", async () => {
    const q = new PressureQueue(1, 5, 30);
    const gate = deferred();
    const first = q.run("a", () => gate.promise);
    const late = await q.run("b", async () => "b");
    expect(late).toEqual({ ok: false, reason: "waited-too-long" });
    expect(q.stats()).toMatchObject({ queued: 0, running: 1, rejected: 1 });
    gate.resolve();
    await first;
    expect(q.stats().running).toBe(0);
  });

  it("frees the slot when the work throws", async () => {
    const q = new PressureQueue(1, 0, 10);
    await expect(q.run("x", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await q.run("y", async () => 1)).toEqual({ ok: true, value: 1 });
  });
});

describe("PressureQueue holds", () => {
  it("keeps the slot taken until held work settles, after the caller already has its result", async () => {
    const q = new PressureQueue(1, 5, 5_000);
    const closing = deferred();
    const first = await q.run("a", async (holdUntil) => {
      holdUntil(closing.promise);
      return "a";
    });
    expect(first).toEqual({ ok: true, value: "a" });
    expect(q.stats()).toMatchObject({ running: 1 });
    let secondStarted = false;
    const second = q.run("b", async () => {
      secondStarted = true;
      return "b";
    });
    await Promise.resolve();
    expect(secondStarted).toBe(false);
    expect(q.stats().queued).toBe(1);
    closing.resolve();
    expect(await second).toEqual({ ok: true, value: "b" });
    expect(q.stats()).toMatchObject({ running: 0, queued: 0 });
  });

  it("releases the slot when held work fails", async () => {
    const q = new PressureQueue(1, 0, 10);
    const failing = Promise.reject(new Error("close failed"));
    await q.run("a", async (holdUntil) => holdUntil(failing));
    await failing.catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    expect(q.stats().running).toBe(0);
  });
});
