import "server-only";
import type pino from "pino";
import type { ImageRef, TriggerBody } from "@/lib/ci/dto";
import type { RebuildOutcome } from "@/lib/ci/states";
import { hasRole } from "@/server/auth/roles";
import type { Actor } from "@/server/auth/session";
import { getConfig } from "@/server/config";
import { Conflict, Forbidden, NotFound } from "@/server/errors";
import { acquireLock, releaseLock } from "@/server/locks";
import { getDb, nowIso } from "@/server/store/db";
import { ciSettings, resolveRepoId } from "./client-for";
import { LEASE_TTL_MS, startWatch } from "./finish-rebuild";
import { insertRebuild } from "./rebuilds-store";
import { buildTriggerBody, findRebuildTarget, leaseKey, pipelineUrl } from "./target";

export interface RebuildStarted {
  id: string;
  outcome: Extract<RebuildOutcome, "watching" | "nothing-ran">;
  repoId: number;
  branch: string;
  request: { method: "POST"; path: string; body: TriggerBody };
  pipelineNumber: number | null;
  pipelineUrl: string | null;
  alsoRuns: string[];
  message: string;
}

export interface RebuildCtx {
  actor: Actor;
  runId: string;
  log: pino.Logger;
  signal?: AbortSignal;
}

const hhmm = (iso: string) => `${iso.slice(11, 16)} UTC`;

/**
 * Starts the image's CI pipeline under a lease on (repo id, branch) and hands the lease to a
 * watch that runs until the pipeline ends (then verifies the image deep). "Nothing ran" when
 * Woodpecker filtered every workflow out.
 */
export async function startRebuild(ctx: RebuildCtx, image: ImageRef): Promise<RebuildStarted> {
  if (!hasRole(ctx.actor.role, "operator")) throw new Forbidden("Rebuilding an image needs the operator role.");
  const target = findRebuildTarget(getConfig(), image.registry, image.repo, image.tag);
  if (!target) throw new NotFound(`No CI pipeline is configured for ${image.repo}:${image.tag} in ${image.registry}.`);
  const { client, webUrl } = ciSettings();
  const repoId = await resolveRepoId(client, target.ciRepo, ctx.signal);
  const body = buildTriggerBody(target, image, ctx.actor.name);
  const db = await getDb();
  const key = leaseKey(repoId, target.branch);
  const lease = await acquireLock(db, key, { id: ctx.actor.id, name: ctx.actor.name, runId: ctx.runId }, LEASE_TTL_MS);
  if (!lease.ok)
    throw new Conflict(
      `A pipeline of ${target.ciRepo} (${target.branch}) started from the panel is still running: started by ${lease.holderName} at ${hhmm(lease.since)}.`,
    );

  let handedOff = false;
  try {
    const res = await client.triggerPipeline(repoId, body, ctx.signal);
    const now = nowIso();
    const path = `/api/repos/${repoId}/pipelines`;
    const base = {
      id: ctx.runId,
      ...image,
      ci_repo: String(target.ciRepo),
      repo_id: repoId,
      branch: target.branch,
      request_body: JSON.stringify(body),
      also_runs: JSON.stringify(target.alsoRuns),
      actor: ctx.actor.id,
      actor_name: ctx.actor.name,
      actor_role: ctx.actor.role,
      started_at: now,
      verify_status: null,
      verify_run_id: null,
      verify_summary: null,
    };
    const common = {
      id: ctx.runId,
      repoId,
      branch: target.branch,
      request: { method: "POST" as const, path, body },
      alsoRuns: target.alsoRuns,
    };
    if (res.kind === "filtered") {
      const message = `Nothing ran: Woodpecker accepted the request but no workflow of ${target.ciRepo} runs on a manual event on ${target.branch} (204, Pipeline-Filtered). The image was not rebuilt.`;
      await insertRebuild(db, {
        ...base,
        pipeline_number: null,
        pipeline_url: null,
        state: null,
        outcome: "nothing-ran",
        message,
        finished_at: now,
      });
      ctx.log.info({ repoId, branch: target.branch }, "rebuild filtered: nothing ran");
      return { ...common, outcome: "nothing-ran", pipelineNumber: null, pipelineUrl: null, message };
    }
    const p = res.pipeline;
    const url = pipelineUrl(webUrl, repoId, p.number);
    const message = `Pipeline #${p.number} started (${p.status}).`;
    await insertRebuild(db, {
      ...base,
      pipeline_number: p.number,
      pipeline_url: url,
      state: p.status,
      outcome: "watching",
      message,
      finished_at: null,
    });
    startWatch(ctx.runId, lease.token);
    handedOff = true;
    ctx.log.info({ repoId, branch: target.branch, pipeline: p.number }, "rebuild pipeline started");
    return { ...common, outcome: "watching", pipelineNumber: p.number, pipelineUrl: url, message };
  } finally {
    if (!handedOff) await releaseLock(db, key, lease.token);
  }
}
