import "server-only";
import type { RebuildList } from "@/lib/ci/dto";
import { getDb } from "@/server/store/db";
import { lastVerifiedRows, listRebuildRows, toRebuild, type RebuildFilter } from "./rebuilds-store";

/** Pipelines started from the panel (newest first) and the last verification per image. */
export async function listRebuilds(f: RebuildFilter): Promise<RebuildList> {
  const db = await getDb();
  const [rows, verified] = await Promise.all([listRebuildRows(db, f), f.repo ? Promise.resolve([]) : lastVerifiedRows(db)]);
  return { rebuilds: rows.map(toRebuild), lastVerified: verified.map(toRebuild), generatedAt: new Date().toISOString() };
}
