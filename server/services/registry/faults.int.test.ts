import { afterAll, afterEach, describe, expect, it } from "vitest";
import { eventually, fault } from "@/test/lab";
import { setupLabConfig as labConfig } from "@/test/lab-config";
import { closeRegistryPools } from "@/server/clients/registry";
import { BROKEN_KINDS } from "@/lib/registry/finding";
import { isProbeRunning, runRegistryProbe } from "./run-probe";
import { listTags, registryOverview } from "./read-model";

const RUN_TIMEOUT_S = 8;
const lab = labConfig((c) => {
  const flaky = (c.registries as Record<string, unknown>[]).find((r) => r.name === "lab-flaky")!;
  flaky.runTimeout = `${RUN_TIMEOUT_S}s`;
});
const reg = lab.services.registry as { churn: { repo: string; removed: string; added: string } };
const FLAKY = "lab-flaky";
const FAULTS = ["flaky-slow", "flaky-500", "delete-repo-mid-walk", "tag-churn-mid-walk"];

afterEach(async () => {
  for (const f of FAULTS) await fault(`registry/${f}`, "heal");
});
afterAll(() => closeRegistryPools());

async function goodRun() {
  const run = await runRegistryProbe(FLAKY, "test");
  expect(run.status).toBe("ok");
  return run;
}

describe("a registry that changes under the walk", () => {
  it("a repo deleted after the catalog was read is reported as changed, not as broken", async () => {
    await fault("registry/delete-repo-mid-walk", "inject", { repo: "svc-147" });
    const run = await runRegistryProbe(FLAKY, "test");
    expect(run.status).toBe("ok");
    expect(run.summary.changed).toEqual(["svc-147 was deleted during the walk"]);
    const o = await registryOverview(FLAKY);
    expect(o.findings.filter((f) => f.repo === "svc-147")).toEqual([]);
    expect(o.changed).toEqual(["svc-147 was deleted during the walk"]);
  });

  it("a tag list that changes between pages: the removed tag is reported, the new tag is walked", async () => {
    const { repo, removed, added } = reg.churn;
    await fault("registry/tag-churn-mid-walk", "inject");
    const run = await runRegistryProbe(FLAKY, "test");
    expect(run.status).toBe("ok");
    expect(run.summary.changed).toEqual([`${repo}:${removed} was removed during the walk`]);
    const rows = (await listTags(FLAKY, repo, 100, 0)).rows;
    expect(rows.map((r) => r.tag)).toContain(added);
    expect(rows.map((r) => r.tag)).not.toContain(removed);
    expect(rows.every((r) => r.status === "intact")).toBe(true);
  });
});

describe("a registry that fails while it is probed", () => {
  it("answering 500 → 'could not check' with the reason; the last good result stays visible, marked stale", async () => {
    const good = await goodRun();
    const tagsBefore = (await listTags(FLAKY, "", 50, 0)).total;
    await fault("registry/flaky-500", "inject");
    const down = await runRegistryProbe(FLAKY, "test");
    expect(down.status).toBe("could-not-run");
    expect(down.summary.reason).toBe("catalog inaccessible: HTTP 500, unknown error");
    const o = await registryOverview(FLAKY);
    expect(o.lastWalk?.id).toBe(good.runId);
    expect(o.catalogAccessible).toBe(false);
    expect(o.stale).toBe(true);
    expect(o.staleReason).toMatch(/^the latest run could not check \(catalog inaccessible: HTTP 500, unknown error\)/);
    expect((await listTags(FLAKY, "", 50, 0)).total).toBe(tagsBefore);
  });

  it("500 on manifests only → every tag 'could not check', none called broken", async () => {
    await goodRun();
    await fault("registry/flaky-500", "inject", { only: "manifests" });
    const run = await runRegistryProbe(FLAKY, "test");
    expect(run.status).toBe("could-not-run");
    expect(run.summary.reason).toMatch(/^the registry failed \(HTTP 500\): (\d+) of \1 tags could not be checked$/);
    expect(run.summary.failures).toBe(0);
    const o = await registryOverview(FLAKY);
    expect(o.findings.length).toBeGreaterThan(0);
    expect(o.findings.filter((f) => (BROKEN_KINDS as readonly string[]).includes(f.kind))).toEqual([]);
    expect(o.stale).toBe(true);
  });

  it("slower than the request timeout → 'could not check'; the page answers at once while the probe waits", async () => {
    await goodRun();
    await fault("registry/flaky-slow", "inject", { ms: 3000 });
    const pending = runRegistryProbe(FLAKY, "test");
    await eventually(async () => isProbeRunning(FLAKY), 5_000, "probe running");
    const t0 = performance.now();
    const during = await registryOverview(FLAKY);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(during.running).not.toBeNull();
    expect(during.lastWalk?.status).toBe("ok");
    const run = await pending;
    expect(run.status).toBe("could-not-run");
    expect(run.summary.reason).toBe("catalog inaccessible: the registry did not answer in time");
  });

  it("a walk that outlives the run deadline ends as 'could not check'", async () => {
    await fault("registry/flaky-slow", "inject", { ms: 400 });
    const run = await runRegistryProbe(FLAKY, "test");
    expect(run.status).toBe("could-not-run");
    expect(run.summary.reason).toBe(`the walk did not finish within ${RUN_TIMEOUT_S} s: the registry is too slow`);
    expect((await registryOverview(FLAKY)).staleReason).toContain("did not finish");
  });
});
