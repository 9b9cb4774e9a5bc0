import { describe, expect, it } from "vitest";
import { eventually } from "@/test/lab";
import type { RepoDef } from "./model";
import { Runner } from "./runner";

const repos: RepoDef[] = [
  {
    id: 1,
    owner: "platform",
    name: "infra",
    defaultBranch: "master",
    workflows: [
      { name: "build-image", events: ["push", "manual"], steps: ["build", "verify"], rebuilds: true },
      { name: "nfs-sync", events: ["manual"], steps: ["sync"] },
      { name: "lint", events: ["push"], steps: ["lint"] },
    ],
  },
  { id: 2, owner: "platform", name: "docs", defaultBranch: "main", workflows: [{ name: "publish", events: ["push"], steps: ["build"] }] },
];

function makeRunner() {
  const built: string[] = [];
  const runner = new Runner(repos, {
    forgeUrl: "http://forge.test",
    pendingMs: 20,
    stepMs: 5,
    rebuild: async (v) => {
      built.push(v.REBUILD_IMAGE ?? "");
      return "pushed";
    },
    log: () => undefined,
  });
  return { runner, built };
}

const input = { branch: "master", variables: { REBUILD_IMAGE: "infra-ci" } };

describe("Woodpecker stand-in runner", () => {
  it("runs every manual workflow, pending → running → success, and really runs the rebuild step", async () => {
    const { runner, built } = makeRunner();
    const p = runner.create(repos[0]!, input, "bot")!;
    expect(p).toMatchObject({ number: 1, status: "pending", event: "manual", started: 0 });
    expect(p.workflows.map((w) => w.name)).toEqual(["build-image", "nfs-sync"]);
    await eventually(async () => runner.get(repos[0]!, 1)?.status === "success", 5000, "success");
    expect(built).toEqual(["infra-ci"]);
    expect(p.workflows.every((w) => w.state === "success")).toBe(true);
    expect(p.finished).toBeGreaterThanOrEqual(p.started);
  });

  it("filters a repo with no manual workflow (nothing is created)", () => {
    const { runner } = makeRunner();
    expect(runner.create(repos[1]!, { branch: "main", variables: {} }, "bot")).toBeNull();
    expect(runner.list(repos[1]!)).toEqual([]);
  });

  it("fails the next pipeline without building when told to", async () => {
    const { runner, built } = makeRunner();
    runner.queued.push("fail");
    runner.create(repos[0]!, input, "bot");
    const p = await eventually(
      async () => {
        const x = runner.get(repos[0]!, 1);
        return x && x.status !== "pending" && x.status !== "running" ? x : null;
      },
      5000,
      "end",
    );
    expect(p.status).toBe("failure");
    expect(p.workflows[0]!.children[0]).toMatchObject({ state: "failure", exit_code: 1 });
    expect(built).toEqual([]);
  });

  it("keeps a hung pipeline running until it is canceled, then reports killed", async () => {
    const { runner } = makeRunner();
    runner.queued.push("hang");
    runner.create(repos[0]!, input, "bot");
    await eventually(async () => runner.get(repos[0]!, 1)?.status === "running", 5000, "running");
    expect(runner.cancel(repos[0]!, 1)).toBe("ok");
    expect(runner.get(repos[0]!, 1)?.status).toBe("killed");
    expect(runner.cancel(repos[0]!, 1)).toBe("not-running");
    expect(runner.cancel(repos[0]!, 9)).toBe("not-found");
  });
});
