import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { watchPipeline } from "./watch";

function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

describe("watchPipeline", () => {
  it("reports each new state once and stops at the terminal one", async () => {
    const states = ["pending", "pending", "running", "running", "success", "running"];
    const seen: string[] = [];
    const c = clock();
    const end = await watchPipeline(
      async () => ({ status: states.shift()! }),
      async (p) => void seen.push(p.status),
      { deadline: 60_000, pollMs: 1000, signal: new AbortController().signal, ...c },
    );
    expect(end).toEqual({ kind: "terminal", pipeline: { status: "success" } });
    expect(seen).toEqual(["pending", "running", "success"]);
  });

  it("gives up at the deadline when the pipeline never ends", async () => {
    const c = clock();
    const end = await watchPipeline(
      async () => ({ status: "running" }),
      async () => undefined,
      {
        deadline: 10_000,
        pollMs: 2000,
        signal: new AbortController().signal,
        ...c,
      },
    );
    expect(end).toEqual({ kind: "gave-up", last: { status: "running" } });
    expect(c.now()).toBe(10_000);
  });

  it("tolerates a few failed polls but stops when they keep failing", async () => {
    const c = clock();
    let n = 0;
    const flaky = await watchPipeline(
      async () => {
        if (++n < 3) throw new Error("unreachable");
        return { status: "failure" };
      },
      async () => undefined,
      { deadline: 60_000, pollMs: 1000, signal: new AbortController().signal, ...c },
    );
    expect(flaky.kind).toBe("terminal");
    const lost = await watchPipeline(
      async () => {
        throw new Error("404");
      },
      async () => undefined,
      { deadline: 600_000, pollMs: 1000, maxErrors: 4, signal: new AbortController().signal, ...c },
    );
    expect(lost.kind).toBe("lost");
  });

  it("never polls past the deadline, whatever the states and timings", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom("pending", "running", "blocked", "created"), { maxLength: 30 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 60_000 }),
        async (states, pollMs, deadline) => {
          const c = clock();
          let polls = 0;
          const end = await watchPipeline(
            async () => ({ status: states[polls++] ?? "running" }),
            async () => undefined,
            { deadline, pollMs, signal: new AbortController().signal, ...c },
          );
          expect(end.kind).toBe("gave-up");
          expect(c.now()).toBeLessThanOrEqual(deadline);
          expect(polls).toBeLessThanOrEqual(Math.ceil(deadline / pollMs) + 1);
        },
      ),
    );
  });
});
