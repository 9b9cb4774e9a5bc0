import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/server/store/db";
import type { Finding, PathStep, TreeNode } from "@/lib/registry/finding";
import type { RawFinding, TagResult } from "./walk-types";

export const findingId = (registry: string, f: Pick<RawFinding, "kind" | "repo" | "digest" | "path">) =>
  createHash("sha256")
    .update(`${registry}|${f.kind}|${f.repo}|${f.digest ?? f.path.map((p) => p.label).join(">")}`)
    .digest("hex")
    .slice(0, 24);

/** Upserts what this run saw; resolves open findings in `scope` (of the kinds it `resolves`) that it did not see again. */
export async function saveFindings(
  db: Db,
  registry: string,
  runId: string,
  now: string,
  findings: RawFinding[],
  scope: { repo: string; tag: string }[] | "all",
  resolves: (kind: string) => boolean = (kind) => kind !== "gc-unsafe",
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const seen = new Set<string>();
    for (const f of findings) {
      const id = findingId(registry, f);
      seen.add(id);
      const row = {
        tags: JSON.stringify(f.tags),
        path: JSON.stringify(f.path),
        http_status: f.httpStatus,
        code: f.code,
        diagnosis: f.diagnosis,
        last_seen: now,
        resolved_at: null,
        last_run_id: runId,
      };
      const existing = await trx.selectFrom("registry_findings").select(["id", "resolved_at"]).where("id", "=", id).executeTakeFirst();
      if (existing)
        await trx
          .updateTable("registry_findings")
          .set({ ...row, ...(existing.resolved_at ? { first_seen: now } : {}) })
          .where("id", "=", id)
          .execute();
      else
        await trx
          .insertInto("registry_findings")
          .values({ id, registry, kind: f.kind, repo: f.repo, digest: f.digest, first_seen: now, ...row })
          .execute();
    }
    const open = await trx
      .selectFrom("registry_findings")
      .select(["id", "kind", "repo", "tags"])
      .where("registry", "=", registry)
      .where("resolved_at", "is", null)
      .execute();
    const inScope = (r: { repo: string; tags: string }) =>
      scope === "all" || scope.some((s) => s.repo === r.repo && (JSON.parse(r.tags) as string[]).includes(s.tag));
    const stale = open.filter((r) => !seen.has(r.id) && resolves(r.kind) && inScope(r)).map((r) => r.id);
    for (let i = 0; i < stale.length; i += 500)
      await trx
        .updateTable("registry_findings")
        .set({ resolved_at: now })
        .where("id", "in", stale.slice(i, i + 500))
        .execute();
  });
}

export async function saveTags(
  db: Db,
  registry: string,
  runId: string,
  now: string,
  tags: TagResult[],
  replaceAll: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (replaceAll) await trx.deleteFrom("registry_tags").where("registry", "=", registry).execute();
    for (const t of tags) {
      const row = {
        digest: t.digest,
        media_type: t.mediaType,
        status: t.status,
        tree: t.tree ? JSON.stringify(t.tree) : null,
        checked_at: now,
        run_id: runId,
      };
      await trx
        .insertInto("registry_tags")
        .values({ registry, repo: t.repo, tag: t.tag, ...row })
        .onConflict((oc) => oc.columns(["registry", "repo", "tag"]).doUpdateSet(row))
        .execute();
    }
  });
}

type FindingRow = {
  id: string;
  registry: string;
  kind: string;
  repo: string;
  digest: string | null;
  tags: string;
  path: string;
  http_status: number | null;
  code: string | null;
  diagnosis: string;
  first_seen: string;
  last_seen: string;
  resolved_at: string | null;
};

export function toFinding(r: FindingRow): Finding {
  return {
    id: r.id,
    registry: r.registry,
    kind: r.kind as Finding["kind"],
    repo: r.repo,
    tags: JSON.parse(r.tags) as string[],
    digest: r.digest,
    path: JSON.parse(r.path) as PathStep[],
    httpStatus: r.http_status,
    code: r.code,
    diagnosis: r.diagnosis,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    resolvedAt: r.resolved_at,
  };
}

export const parseTree = (s: string | null): TreeNode | null => (s ? (JSON.parse(s) as TreeNode) : null);
