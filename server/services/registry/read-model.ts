import "server-only";
import { getConfig } from "@/server/config";
import { getDb } from "@/server/store/db";
import { BROKEN_KINDS, type Finding } from "@/lib/registry/finding";
import type { RegistryOverview, RunView, TagDetail, TagPage } from "@/lib/registry/dto";
import { instanceLabel, findRegistry } from "./client-for";
import { lastGcCheck } from "./gc-check";
import { mirrorHitRate } from "./mirror-stats";
import { PROBE_KIND, type RunSummary } from "./run-probe";
import { parseTree, toFinding } from "./store-findings";

type RunRow = {
  id: string;
  status: string;
  trigger: string;
  started_at: string;
  finished_at: string | null;
  summary: string | null;
  error: string | null;
};

function toRunView(r: RunRow): RunView {
  const s = r.summary ? (JSON.parse(r.summary) as Partial<RunSummary>) : {};
  return {
    id: r.id,
    status: r.status,
    trigger: r.trigger,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    durationMs: s.durationMs ?? (r.finished_at ? Date.parse(r.finished_at) - Date.parse(r.started_at) : null),
    failures: s.failures ?? 0,
    reason: r.error ?? s.reason ?? null,
    catalogAccessible: s.catalogAccessible ?? null,
    counts: s.counts ?? null,
    progress: s.progress ?? null,
  };
}

/** Broken images first, the incident class (orphaned children) at the top; then could-not-check; then the rest. */
const rank = (f: Finding) => {
  const broken = BROKEN_KINDS.indexOf(f.kind);
  return broken >= 0 ? broken : f.kind === "unauthorized" || f.kind === "registry-error" ? 10 : 20;
};

export async function openFindings(registry: string): Promise<Finding[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom("registry_findings")
    .selectAll()
    .where("registry", "=", registry)
    .where("resolved_at", "is", null)
    .execute();
  return rows
    .map(toFinding)
    .sort((a, b) => rank(a) - rank(b) || a.repo.localeCompare(b.repo) || (a.digest ?? "").localeCompare(b.digest ?? ""));
}

/** The open findings of one image (what a rebuild button shows and what verifyImage returns). */
export async function imageFindings(registry: string, repo: string, tag: string): Promise<Finding[]> {
  return (await openFindings(registry)).filter((f) => f.repo === repo && f.tags.includes(tag));
}

async function runs(name: string, limit: number): Promise<RunRow[]> {
  const db = await getDb();
  return db
    .selectFrom("probe_runs")
    .select(["id", "status", "trigger", "started_at", "finished_at", "summary", "error"])
    .where("kind", "=", PROBE_KIND)
    .where("target", "=", name)
    .orderBy("started_at", "desc")
    .limit(limit)
    .execute();
}

export async function latestRuns(name: string) {
  const recent = await runs(name, 200);
  const finished = recent.filter((r) => r.status !== "running");
  return {
    recent,
    running: recent.find((r) => r.status === "running" && r === recent[0]) ?? null,
    lastRun: finished[0] ?? null,
    lastWalk: finished.find((r) => r.status === "ok" || r.status === "failed") ?? null,
  };
}

/** Why the results on the page are stale, or null when they are current. */
function staleness(staleAfterMs: number, walk: RunView | null, run: RunView | null): string | null {
  if (!walk?.finishedAt)
    return run?.status === "could-not-run"
      ? `no walk has completed: ${run.reason ?? "the probe could not run"}`
      : "no walk has completed yet";
  if (run && run.id !== walk.id && run.status === "could-not-run")
    return `the latest run could not check (${run.reason ?? "unknown reason"}); these are the results of the last completed walk`;
  if (Date.now() - Date.parse(walk.finishedAt) > staleAfterMs)
    return `no completed walk for more than ${Math.round(staleAfterMs / 60_000)} min`;
  return null;
}

export async function registryOverview(name: string): Promise<RegistryOverview> {
  const target = findRegistry(name);
  const { recent, running, lastRun, lastWalk } = await latestRuns(name);
  const last = lastWalk ? toRunView(lastWalk) : null;
  const walkSummary = lastWalk?.summary ? (JSON.parse(lastWalk.summary) as Partial<RunSummary>) : {};
  const notCached = walkSummary.notCached ?? [];
  const staleReason = staleness(target.staleAfter, last, lastRun ? toRunView(lastRun) : null);
  return {
    name,
    kind: target.kind,
    instance: instanceLabel(target),
    mode: target.mode,
    intervalMs: target.interval,
    stale: staleReason !== null,
    staleReason,
    changed: walkSummary.changed ?? [],
    gc: await lastGcCheck(name),
    gcFileConfigured: Boolean(target.gcDryRunFile),
    catalogAccessible: lastRun ? toRunView(lastRun).catalogAccessible : null,
    lastRun: lastRun ? toRunView(lastRun) : null,
    lastWalk: last,
    running: running ? toRunView(running) : null,
    findings: await openFindings(name),
    notCached: notCached.map((n) => ({ repo: n.repo, tag: n.tag, digest: n.digest })),
    history: recent
      .filter((r) => r.finished_at)
      .slice(0, 96)
      .reverse()
      .map((r) => ({ at: r.finished_at!, failures: toRunView(r).failures, status: r.status })),
    cacheHitRate: target.kind === "mirror" && target.metricsUrl ? await mirrorHitRate(target.metricsUrl) : null,
    rebuildable: Object.keys(target.rebuild),
  };
}

export async function listRegistries(): Promise<RegistryOverview[]> {
  return Promise.all(getConfig().registries.map((r) => registryOverview(r.name)));
}

export async function listTags(registry: string, q: string, limit: number, offset: number): Promise<TagPage> {
  const db = await getDb();
  let query = db.selectFrom("registry_tags").where("registry", "=", registry);
  if (q) query = query.where((eb) => eb.or([eb("repo", "like", `%${q}%`), eb("tag", "like", `%${q}%`)]));
  const total = Number((await query.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst())?.n ?? 0);
  const rows = await query
    .select(["repo", "tag", "digest", "media_type", "status", "checked_at"])
    .orderBy("status", "asc")
    .orderBy("repo")
    .orderBy("tag")
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    total,
    rows: rows.map((r) => ({
      repo: r.repo,
      tag: r.tag,
      digest: r.digest,
      mediaType: r.media_type,
      status: r.status,
      checkedAt: r.checked_at,
    })),
  };
}

export async function tagDetail(registry: string, repo: string, tag: string): Promise<TagDetail> {
  findRegistry(registry);
  const db = await getDb();
  const r = await db
    .selectFrom("registry_tags")
    .selectAll()
    .where("registry", "=", registry)
    .where("repo", "=", repo)
    .where("tag", "=", tag)
    .executeTakeFirst();
  return {
    registry,
    row: r ? { repo: r.repo, tag: r.tag, digest: r.digest, mediaType: r.media_type, status: r.status, checkedAt: r.checked_at } : null,
    tree: parseTree(r?.tree ?? null),
    findings: await imageFindings(registry, repo, tag),
  };
}
