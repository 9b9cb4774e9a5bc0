import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, fault } from "@/test/lab";
import { setupLabConfig as labConfig } from "@/test/lab-config";
import { runAction } from "@/server/actions/run";
import type { Actor, Viewer } from "@/server/auth/session";
import { CiError, woodpeckerClient } from "@/server/clients/woodpecker";
import { closeRegistryPools } from "@/server/clients/registry";
import { imageFindings } from "@/server/services/registry/read-model";
import { verifyImage } from "@/server/services/registry/verify-image";
import { getDb } from "@/server/store/db";
import { cancelPipelineDef, rebuildImageDef, runCancelPipeline, runRebuildImage } from "./action-defs";
import { watchDone } from "./finish-rebuild";
import { listRebuilds } from "./list-rebuilds";
import { collectCiMetrics } from "./metrics";
import { ciJobs } from "./jobs";
import { insertRebuild } from "./rebuilds-store";
import { Registry } from "prom-client";

const lab = labConfig((c) => {
  (c.ci as { woodpecker: Record<string, unknown> }).woodpecker.watchFor = "10s";
  (c.ci as { woodpecker: Record<string, unknown> }).woodpecker.pollEvery = "250ms";
});
const wp = lab.services.woodpecker as { url: string; readToken: string; repos: Record<string, number> };
const token = lab.env.WOODPECKER_TOKEN!;
const client = woodpeckerClient({ url: wp.url, token, timeoutMs: 5000 });

const actor = (role: Actor["role"], name: string): Viewer => ({
  kind: "actor",
  actor: { id: name.toLowerCase(), name, email: null, role },
});
const oscar = actor("operator", "Oscar");
const olga = actor("operator", "Olga");
const vera = actor("viewer", "Vera");
const image = (repo: string, tag: string) => ({ registry: "lab", repo, tag });

const rebuild = (who: Viewer, repo: string, tag: string) => runAction(rebuildImageDef, runRebuildImage, who, image(repo, tag));
const rebuildOf = async (id: string) => (await listRebuilds({ limit: 100 })).rebuilds.find((r) => r.id === id);
const settled = async (id: string) => {
  await watchDone(id);
  return eventually(
    async () => {
      const r = await rebuildOf(id);
      return r && r.outcome !== "watching" ? r : null;
    },
    30_000,
    `rebuild ${id} to end`,
  );
};
const pipelinesOf = async (repo: string) => (await client.listPipelines(wp.repos[repo]!)).length;
const locksHeld = async () => (await (await getDb()).selectFrom("locks").select("key").where("key", "like", "ci/%").execute()).length;
const auditOf = async (runId: string) =>
  (await getDb())
    .selectFrom("audit_log")
    .select(["action", "phase", "result", "error_code"])
    .where("run_id", "=", runId)
    .orderBy("id")
    .execute();

beforeAll(async () => {
  // Break the seeded images again (an earlier run may have rebuilt them).
  await fault("registry/repair-image", "heal");
  await fault("woodpecker/fail-next", "heal");
});

afterAll(async () => {
  // Leave the seeded images broken for the next test file, as the lab started them.
  await fault("registry/repair-image", "heal");
  await fault("woodpecker/stop", "heal");
  await fault("woodpecker/fail-next", "heal");
  await closeRegistryPools();
});

describe("Woodpecker client against the stand-in", () => {
  it("looks up the numeric repo id by owner/name", async () => {
    expect((await client.lookupRepo("platform/infra")).id).toBe(wp.repos["platform/infra"]);
  });

  it("maps 401, 403, 404 and a dead server to distinct errors", async () => {
    const bad = woodpeckerClient({ url: wp.url, token: "not-the-token", timeoutMs: 5000 });
    await expect(bad.lookupRepo("platform/infra")).rejects.toMatchObject({ kind: "unauthorized", code: "ci_unauthorized" });
    const readOnly = woodpeckerClient({ url: wp.url, token: wp.readToken, timeoutMs: 5000 });
    await expect(readOnly.triggerPipeline(1, { branch: "master", variables: {} })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(client.lookupRepo("platform/nope")).rejects.toMatchObject({ kind: "not-found" });
    await expect(client.getPipeline(1, 9999)).rejects.toMatchObject({ kind: "not-found" });
    const dead = woodpeckerClient({ url: "http://127.0.0.1:9", token, timeoutMs: 2000 });
    const err = await dead.lookupRepo("platform/infra").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CiError);
    expect((err as CiError).kind).toBe("unreachable");
    expect((err as CiError).message).not.toContain("127.0.0.1");
  });

  it("reports a 204 + Pipeline-Filtered as nothing ran", async () => {
    const before = await pipelinesOf("platform/docs-site");
    expect(await client.triggerPipeline(wp.repos["platform/docs-site"]!, { branch: "main", variables: {} })).toEqual({ kind: "filtered" });
    expect(await pipelinesOf("platform/docs-site")).toBe(before);
  });
});

describe("rebuild an image through CI", () => {
  it("rebuilds a seeded orphaned index, re-verifies it deep and resolves its findings", async () => {
    const before = await verifyImage({ registry: "lab", repo: "infra-ci", tag: "latest", mode: "fast", trigger: "test" });
    expect(before.status).toBe("broken");
    expect(before.findings.map((f) => f.kind)).toContain("orphaned-child");

    const res = await rebuild(oscar, "infra-ci", "latest");
    if (!res.ok) throw new Error(res.message);
    expect(res.data.outcome).toBe("watching");
    expect(res.data.request).toEqual({
      method: "POST",
      path: `/api/repos/${wp.repos["platform/infra"]}/pipelines`,
      body: expect.objectContaining({ branch: "master", variables: { REBUILD_IMAGE: "infra-ci" } }),
    });
    expect(res.data.alsoRuns).toEqual(["pve-nfs-exports-sync", "registry-config-sync"]);
    const done = await settled(res.runId);
    expect(done).toMatchObject({
      outcome: "fixed",
      state: "success",
      pipelineNumber: res.data.pipelineNumber,
      verification: { status: "intact", findings: 0 },
    });
    expect(await imageFindings("lab", "infra-ci", "latest")).toEqual([]);

    const audit = await auditOf(res.runId);
    expect(audit.map((a) => `${a.action}:${a.phase}`)).toEqual([
      "ci.rebuildImage:start",
      "ci.rebuildImage:ok",
      "ci.rebuildImage.pipeline:ok",
      "ci.rebuildImage.verify:ok",
    ]);
    expect(JSON.parse(audit[1]!.result!)).toMatchObject({ pipelineNumber: res.data.pipelineNumber });
    expect(await locksHeld()).toBe(0);
  });

  it("two operators rebuilding the same image start one pipeline", async () => {
    const before = await pipelinesOf("platform/infra");
    const [a, b] = await Promise.all([rebuild(oscar, "cleanup-victim", "latest"), rebuild(olga, "cleanup-victim", "latest")]);
    const won = [a, b].filter((r) => r.ok);
    const lost = [a, b].filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost[0]).toMatchObject({ ok: false, code: "conflict" });
    expect(!lost[0]!.ok && lost[0]!.message).toMatch(/started by (Oscar|Olga)/);
    expect(await pipelinesOf("platform/infra")).toBe(before + 1);
    expect((await settled(won[0]!.runId!)).outcome).toBe("fixed");
    expect(await locksHeld()).toBe(0);
  });

  it("tells the user nothing ran when Woodpecker filters the manual event", async () => {
    await verifyImage({ registry: "lab", repo: "missing-config", tag: "2.0", mode: "fast", trigger: "test" });
    const before = await pipelinesOf("platform/docs-site");
    const res = await rebuild(oscar, "missing-config", "2.0");
    if (!res.ok) throw new Error(res.message);
    expect(res.data).toMatchObject({ outcome: "nothing-ran", pipelineNumber: null });
    expect(res.data.message).toMatch(/Nothing ran/);
    expect((await rebuildOf(res.runId))?.outcome).toBe("nothing-ran");
    expect(await pipelinesOf("platform/docs-site")).toBe(before);
    expect((await imageFindings("lab", "missing-config", "2.0")).length).toBeGreaterThan(0);
    expect(await locksHeld()).toBe(0);
  });

  it("leaves the finding, with the pipeline link, when the pipeline fails", async () => {
    await verifyImage({ registry: "lab", repo: "missing-layer", tag: "3.1", mode: "fast", trigger: "test" });
    await fault("woodpecker/fail-next", "inject");
    const res = await rebuild(oscar, "missing-layer", "3.1");
    if (!res.ok) throw new Error(res.message);
    const done = await settled(res.runId);
    expect(done).toMatchObject({ outcome: "pipeline-failed", state: "failure", verification: null });
    expect(done.pipelineUrl).toBe(`${wp.url}/repos/1/pipeline/${res.data.pipelineNumber}`);
    expect(done.message).toMatch(/findings stay/);
    expect((await imageFindings("lab", "missing-layer", "3.1")).map((f) => f.kind)).toContain("missing-layer");
    expect((await auditOf(res.runId)).at(-1)).toMatchObject({
      action: "ci.rebuildImage.pipeline",
      phase: "error",
      error_code: "pipeline-failed",
    });
  });

  it("gives up on a pipeline that never ends and says so", async () => {
    await fault("woodpecker/hang-next", "inject");
    const res = await rebuild(oscar, "missing-layer", "3.1");
    if (!res.ok) throw new Error(res.message);
    const done = await settled(res.runId);
    expect(done).toMatchObject({ outcome: "gave-up", state: "running" });
    expect(done.message).toMatch(/Gave up watching pipeline #\d+ after 10(\.0)? ?s:/);
    await client.cancelPipeline(1, res.data.pipelineNumber!);
    expect(await locksHeld()).toBe(0);
  });

  it("cancels a running pipeline", async () => {
    await fault("woodpecker/hang-next", "inject");
    const res = await rebuild(oscar, "missing-layer", "3.1");
    if (!res.ok) throw new Error(res.message);
    await eventually(async () => (await rebuildOf(res.runId))?.state === "running", 10_000, "pipeline running");
    const cancel = await runAction(cancelPipelineDef, runCancelPipeline, olga, { id: res.runId });
    expect(cancel).toMatchObject({ ok: true, data: { pipelineNumber: res.data.pipelineNumber } });
    expect(await settled(res.runId)).toMatchObject({ outcome: "canceled", state: "killed" });
    expect(await runAction(cancelPipelineDef, runCancelPipeline, olga, { id: res.runId })).toMatchObject({
      ok: false,
      code: "precondition",
    });
  });

  it("says clearly when CI is unreachable, closes the audit entry and holds no lock", async () => {
    await fault("woodpecker/stop", "inject");
    try {
      const res = await rebuild(oscar, "cleanup-victim", "latest");
      expect(res).toMatchObject({ ok: false, code: "ci_unreachable", message: "Woodpecker could not be reached." });
      expect((await auditOf(res.runId!)).map((a) => a.phase)).toEqual(["start", "error"]);
      expect(await locksHeld()).toBe(0);
    } finally {
      await fault("woodpecker/stop", "heal");
    }
  });

  it("refuses a viewer and starts nothing", async () => {
    const before = await pipelinesOf("platform/infra");
    expect(await rebuild(vera, "infra-ci", "latest")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await pipelinesOf("platform/infra")).toBe(before);
  });

  it("exports the rebuilds by outcome from the store", async () => {
    const r = new Registry();
    await collectCiMetrics(r);
    const text = await r.metrics();
    expect(text).toMatch(/switchboard_ci_rebuilds\{outcome="fixed"\} 2/);
    expect(text).toMatch(/switchboard_ci_rebuilds\{outcome="nothing-ran"\} 1/);
    expect(text).toMatch(/switchboard_ci_rebuilds\{outcome="watching"\} 0/);
  });

  it("resumes watching a rebuild whose process went away", async () => {
    const started = await client.triggerPipeline(1, { branch: "master", variables: { REBUILD_IMAGE: "hollow-layer" } });
    if (started.kind !== "started") throw new Error("expected a pipeline");
    const id = `orphan-${started.pipeline.number}`;
    await insertRebuild(await getDb(), {
      id,
      registry: "lab",
      repo: "hollow-layer",
      tag: "1.4",
      ci_repo: "1",
      repo_id: 1,
      branch: "master",
      request_body: JSON.stringify({ branch: "master", variables: { REBUILD_IMAGE: "hollow-layer" } }),
      also_runs: "[]",
      pipeline_number: started.pipeline.number,
      pipeline_url: null,
      state: "pending",
      outcome: "watching",
      message: null,
      actor: "oscar",
      actor_name: "Oscar",
      actor_role: "operator",
      started_at: new Date().toISOString(),
      finished_at: null,
      verify_status: null,
      verify_run_id: null,
      verify_summary: null,
    });
    await ciJobs()[0]!.run(new AbortController().signal);
    expect(await settled(id)).toMatchObject({ outcome: "fixed", state: "success", verification: { status: "intact" } });
  });
});
