import "server-only";
import type { RebuildOutcome } from "@/lib/ci/states";
import { isCanceledState } from "@/lib/ci/states";
import { formatDuration } from "@/lib/format";
import { appendAudit } from "@/server/audit/log";
import { releaseLock, renewLock } from "@/server/locks";
import { logger } from "@/server/logger";
import { getDb, nowIso, type Db } from "@/server/store/db";
import { ciSettings } from "./client-for";
import { getRebuildRow, updateRebuild } from "./rebuilds-store";
import { leaseKey } from "./target";
import { verifyAfterRebuild, type VerifyOutcome } from "./verify";
import { watchPipeline } from "./watch";

export const LEASE_TTL_MS = 60_000;

const g = globalThis as typeof globalThis & { __ciWatches?: Map<string, Promise<void>> };
const watches = () => (g.__ciWatches ??= new Map());

/** Rebuild ids this process is watching right now. */
export const isWatching = (id: string) => watches().has(id);

/** For tests and shutdown: resolves when this process's watch of the rebuild is over. */
export const watchDone = (id: string) => watches().get(id) ?? Promise.resolve();

/** Watches the rebuild's pipeline in the background while holding its lease (token). */
export function startWatch(id: string, leaseToken: number): void {
  if (watches().has(id)) return;
  const done = runWatch(id, leaseToken)
    .catch((err: unknown) => logger.error({ op: "ci.watch", rebuild: id, err }, "rebuild watch failed"))
    .finally(() => watches().delete(id));
  watches().set(id, done);
}

async function runWatch(id: string, token: number): Promise<void> {
  const db = await getDb();
  const row = await getRebuildRow(db, id);
  if (!row || row.pipeline_number === null) return;
  const key = leaseKey(row.repo_id, row.branch);
  const stop = new AbortController();
  const heartbeat = setInterval(() => void renewLock(db, key, token, LEASE_TTL_MS).then((held) => held || stop.abort()), LEASE_TTL_MS / 3);
  const number = row.pipeline_number;
  try {
    const { client, watchForMs, pollEveryMs } = ciSettings();
    const end = await watchPipeline(
      (signal) => client.getPipeline(row.repo_id, number, signal),
      async (p) => updateRebuild(db, id, { state: p.status, message: `Pipeline #${number} is ${p.status}.` }),
      { deadline: Date.parse(row.started_at) + watchForMs, pollMs: pollEveryMs, signal: stop.signal },
    );
    const audit = (action: string, ok: boolean, result: unknown, errorCode: string | null) =>
      appendAudit(db, {
        actor: row.actor,
        actorName: row.actor_name,
        role: row.actor_role,
        action,
        resource: `${row.registry}/${row.repo}:${row.tag}`,
        phase: ok ? "ok" : "error",
        runId: id,
        params: { repoId: row.repo_id, branch: row.branch, pipelineNumber: number },
        result,
        errorCode,
      });
    const state = end.kind === "terminal" ? end.pipeline.status : (end.last?.status ?? row.state);
    if (end.kind === "terminal" && end.pipeline.status === "success") {
      await updateRebuild(db, id, { state, message: `Pipeline #${number} succeeded; verifying the image (deep)…` });
      await audit("ci.rebuildImage.pipeline", true, { pipelineNumber: number, state, url: row.pipeline_url }, null);
      const v = await verifyAfterRebuild(row);
      await finish(db, id, v.outcome, state, v.message, v);
      await audit(
        "ci.rebuildImage.verify",
        v.outcome === "fixed",
        { status: v.status, findings: v.findings, verifyRunId: v.runId, reason: v.reason },
        v.outcome === "fixed" ? null : v.outcome,
      );
      return;
    }
    const [outcome, message] = describeEnd(end.kind, state, number, watchForMs);
    await finish(db, id, outcome, state, message, null);
    await audit("ci.rebuildImage.pipeline", false, { pipelineNumber: number, state, url: row.pipeline_url, outcome }, outcome);
  } finally {
    clearInterval(heartbeat);
    await releaseLock(db, key, token);
  }
}

function describeEnd(kind: "terminal" | "gave-up" | "lost", state: string | null, n: number, watchForMs: number): [RebuildOutcome, string] {
  if (kind === "gave-up")
    return [
      "gave-up",
      `Gave up watching pipeline #${n} after ${formatDuration(watchForMs)}: it was still ${state ?? "unknown"}${state === "blocked" ? " (waiting for approval in Woodpecker)" : ""}. The image was not re-verified and its findings stay; check the pipeline.`,
    ];
  if (kind === "lost")
    return ["watch-failed", `Lost track of pipeline #${n}: Woodpecker stopped answering about it. The findings stay; check the pipeline.`];
  if (state && isCanceledState(state))
    return ["canceled", `Pipeline #${n} was canceled (${state}). The image was not rebuilt; its findings stay.`];
  return ["pipeline-failed", `Pipeline #${n} ended with state “${state}”. The image was not rebuilt; its findings stay.`];
}

async function finish(
  db: Db,
  id: string,
  outcome: RebuildOutcome,
  state: string | null,
  message: string,
  v: VerifyOutcome | null,
): Promise<void> {
  await updateRebuild(db, id, {
    outcome,
    state,
    message,
    finished_at: nowIso(),
    ...(v
      ? { verify_status: v.status, verify_run_id: v.runId, verify_summary: JSON.stringify({ findings: v.findings, reason: v.reason }) }
      : {}),
  });
}
