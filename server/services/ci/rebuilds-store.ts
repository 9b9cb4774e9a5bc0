import "server-only";
import type { Selectable, Updateable } from "kysely";
import { Rebuild, type Verification } from "@/lib/ci/dto";
import type { Db } from "@/server/store/db";
import { nowIso } from "@/server/store/db";
import type { CiRebuildTable } from "@/server/store/tables/ci";

type Row = Selectable<CiRebuildTable>;

export function toRebuild(r: Row): Rebuild {
  const summary = r.verify_summary ? (JSON.parse(r.verify_summary) as { findings: number; reason: string | null }) : null;
  const verification: Verification | null = r.verify_status
    ? {
        status: r.verify_status as Verification["status"],
        runId: r.verify_run_id,
        findings: summary?.findings ?? 0,
        reason: summary?.reason ?? null,
      }
    : null;
  return Rebuild.parse({
    id: r.id,
    registry: r.registry,
    repo: r.repo,
    tag: r.tag,
    ciRepo: r.ci_repo,
    repoId: r.repo_id,
    branch: r.branch,
    requestBody: JSON.parse(r.request_body),
    alsoRuns: JSON.parse(r.also_runs),
    pipelineNumber: r.pipeline_number,
    pipelineUrl: r.pipeline_url,
    state: r.state,
    outcome: r.outcome,
    message: r.message,
    actorName: r.actor_name,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
    verification,
  });
}

export async function insertRebuild(db: Db, row: Omit<Row, "updated_at">): Promise<void> {
  await db
    .insertInto("ci_rebuilds")
    .values({ ...row, updated_at: row.started_at })
    .execute();
}

export async function updateRebuild(db: Db, id: string, patch: Omit<Updateable<CiRebuildTable>, "id">): Promise<void> {
  await db
    .updateTable("ci_rebuilds")
    .set({ ...patch, updated_at: nowIso() })
    .where("id", "=", id)
    .execute();
}

export async function getRebuildRow(db: Db, id: string): Promise<Row | undefined> {
  return db.selectFrom("ci_rebuilds").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function watchingRows(db: Db): Promise<Row[]> {
  return db.selectFrom("ci_rebuilds").selectAll().where("outcome", "=", "watching").execute();
}

export interface RebuildFilter {
  registry?: string;
  repo?: string;
  tag?: string;
  limit?: number;
}

export async function listRebuildRows(db: Db, f: RebuildFilter): Promise<Row[]> {
  let q = db.selectFrom("ci_rebuilds").selectAll();
  if (f.registry) q = q.where("registry", "=", f.registry);
  if (f.repo) q = q.where("repo", "=", f.repo);
  if (f.tag) q = q.where("tag", "=", f.tag);
  return q
    .orderBy("started_at", "desc")
    .limit(Math.min(f.limit ?? 50, 500))
    .execute();
}

/** The latest rebuild that was followed by a verification, per image. */
export async function lastVerifiedRows(db: Db): Promise<Row[]> {
  const rows = await db
    .selectFrom("ci_rebuilds")
    .selectAll()
    .where("verify_status", "is not", null)
    .orderBy("finished_at", "desc")
    .limit(1000)
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.registry}/${r.repo}:${r.tag}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
