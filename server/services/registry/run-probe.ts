import "server-only";
import { randomUUID } from "node:crypto";
import { logger } from "@/server/logger";
import { getDb, nowIso } from "@/server/store/db";
import type { RegistryTarget } from "@/server/config/sections/registry";
import { clientFor, findRegistry } from "./client-for";
import { checkGcDryRun } from "./gc-check";
import { scanStorage } from "./storage-scan";
import { saveFindings, saveTags } from "./store-findings";
import { walkRegistry } from "./walker";
import type { WalkMode, WalkProgress, WalkResult } from "./walk-types";

export const PROBE_KIND = "registry";
export const VERIFY_KIND = "registry-verify";

export interface RunSummary {
  mode: WalkMode;
  mirror: boolean;
  catalogAccessible: boolean;
  reason: string | null;
  counts: WalkResult["counts"] | null;
  failures: number;
  repoFailures: Record<string, number>;
  notCached: WalkResult["notCached"];
  foreign: WalkResult["foreign"];
  changed: string[];
  storageScanned: boolean;
  durationMs: number;
  progress: WalkProgress | null;
}

export interface ProbeOutcome {
  runId: string;
  status: string;
  summary: RunSummary;
  /** True when a probe of this registry was already running and this call waited for it. */
  joined?: boolean;
}

const g = globalThis as typeof globalThis & { __registryProbes?: Map<string, Promise<ProbeOutcome>> };
const running: Map<string, Promise<ProbeOutcome>> = (g.__registryProbes ??= new Map());

export function summarize(result: WalkResult, mirror: boolean, storageScanned: boolean): RunSummary {
  const repoFailures: Record<string, number> = {};
  for (const t of result.tags) if (t.status === "broken") repoFailures[t.repo] = (repoFailures[t.repo] ?? 0) + 1;
  return {
    mode: result.mode,
    mirror,
    catalogAccessible: result.catalogAccessible,
    reason: result.reason,
    counts: result.counts,
    failures: Object.values(repoFailures).reduce((a, b) => a + b, 0),
    repoFailures,
    notCached: result.notCached,
    foreign: result.foreign,
    changed: result.changed,
    storageScanned,
    durationMs: result.durationMs,
    progress: null,
  };
}

function abortedResult(registry: string, mode: WalkMode, catalogAccessible: boolean, durationMs: number, reason: string): WalkResult {
  const counts = { repos: 0, tags: 0, indexes: 0, manifests: 0, blobs: 0, requests: 0, foreignSkipped: 0, notCached: 0 };
  return {
    registry,
    mode,
    status: "could-not-run",
    catalogAccessible,
    reason,
    counts,
    findings: [],
    tags: [],
    notCached: [],
    foreign: [],
    changed: [],
    startedAt: nowIso(),
    durationMs,
  };
}

/**
 * One full probe of a configured registry: walk, optional storage scan, store the run and findings.
 * A second call while one runs waits for that run instead of walking the registry twice.
 */
export async function runRegistryProbe(
  name: string,
  trigger: string,
  opts: { mode?: WalkMode; signal?: AbortSignal } = {},
): Promise<ProbeOutcome> {
  const target = findRegistry(name);
  const current = running.get(name);
  if (current) return current.then((r) => ({ ...r, joined: true }));
  const p = probeOnce(target, name, trigger, opts).finally(() => running.delete(name));
  running.set(name, p);
  return p;
}

async function probeOnce(
  target: RegistryTarget,
  name: string,
  trigger: string,
  opts: { mode?: WalkMode; signal?: AbortSignal },
): Promise<ProbeOutcome> {
  const db = await getDb();
  const runId = randomUUID();
  const mode = opts.mode ?? target.mode;
  const mirror = target.kind === "mirror";
  await db
    .insertInto("probe_runs")
    .values({
      id: runId,
      kind: PROBE_KIND,
      target: name,
      started_at: nowIso(),
      finished_at: null,
      status: "running",
      trigger,
      summary: null,
      error: null,
    })
    .execute();
  let lastWrite = 0;
  let phase: WalkProgress["phase"] = "catalog";
  const started = Date.now();
  const onProgress = (p: WalkProgress) => {
    phase = p.phase;
    if (Date.now() - lastWrite < 500 && p.phase !== "done") return;
    lastWrite = Date.now();
    void db
      .updateTable("probe_runs")
      .set({ summary: JSON.stringify({ mode, mirror, progress: p }) })
      .where("id", "=", runId)
      .execute()
      .catch(() => undefined);
  };
  const deadline = AbortSignal.timeout(target.runTimeout);
  const signal = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline;
  try {
    const client = clientFor(target);
    const result = await walkRegistry(client, target.connections, {
      registry: name,
      mirror,
      mode,
      sampleShare: target.sampleShare,
      include: target.include,
      exclude: target.exclude,
      pageSize: target.tagPageSize,
      signal,
      onProgress,
    }).catch((err: unknown) => {
      if (!signal.aborted) throw err;
      return abortedResult(
        name,
        mode,
        phase !== "catalog",
        Date.now() - started,
        deadline.aborted
          ? `the walk did not finish within ${Math.round(target.runTimeout / 1000)} s: the registry is too slow`
          : "the probe was cancelled",
      );
    });
    let findings = result.findings;
    let storageScanned = false;
    if (target.storageRoot && result.status !== "could-not-run") {
      findings = [...findings, ...(await scanStorage(target.storageRoot)).findings];
      storageScanned = true;
    }
    const summary = summarize({ ...result, findings }, mirror, storageScanned);
    const now = nowIso();
    const walked = result.status !== "could-not-run";
    await saveFindings(db, name, runId, now, findings, walked ? "all" : []);
    if (walked) await saveTags(db, name, runId, now, result.tags, true);
    if (walked && target.gcDryRunFile)
      await checkGcDryRun(name, { trigger: `probe:${runId}` }).catch((err: unknown) =>
        logger.warn({ op: "registry.gcCheck", registry: name, err }, "GC pre-flight after the walk failed"),
      );
    await db
      .updateTable("probe_runs")
      .set({ status: result.status, finished_at: now, summary: JSON.stringify(summary), error: result.reason })
      .where("id", "=", runId)
      .execute();
    logger.info(
      {
        op: "registry.probe",
        registry: name,
        trigger,
        status: result.status,
        failures: summary.failures,
        requests: result.counts.requests,
        ms: result.durationMs,
      },
      "registry probe finished",
    );
    return { runId, status: result.status, summary };
  } catch (err) {
    logger.error({ op: "registry.probe", registry: name, err }, "registry probe crashed");
    await db
      .updateTable("probe_runs")
      .set({ status: "could-not-run", finished_at: nowIso(), error: "the probe failed inside the panel; see the server log" })
      .where("id", "=", runId)
      .execute();
    throw err;
  }
}

export const isProbeRunning = (name: string) => running.has(name);
