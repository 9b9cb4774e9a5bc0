import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/store/db";
import type { ClusterSnapshot, Snapshot } from "@/lib/redis/snapshot";

export const REDIS_RUN_KIND = "redis";

/** ok when the cluster has no critical or warning finding; failed otherwise (what the overview card counts). */
export const clusterStatus = (c: ClusterSnapshot): "ok" | "failed" => (c.findings.some((f) => f.severity !== "info") ? "failed" : "ok");

const summaryOf = (s: Snapshot, c: ClusterSnapshot) =>
  JSON.stringify({
    snapshotId: s.id,
    masters: c.nodes.filter((n) => n.status === "ok" && n.role === "master").length,
    findings: c.findings.map((f) => ({ kind: f.kind, severity: f.severity, title: f.title })),
  });

/**
 * One probe_runs row per cluster per status period: a new row when the cluster's status changes,
 * otherwise the current row's finished_at and summary move forward (snapshots come every few seconds).
 */
export async function recordProbeRuns(db: Db, s: Snapshot): Promise<void> {
  const finishedAt = new Date(Date.parse(s.takenAt) + s.durationMs).toISOString();
  for (const c of s.clusters) {
    const status = clusterStatus(c);
    const latest = await db
      .selectFrom("probe_runs")
      .select(["id", "status"])
      .where("kind", "=", REDIS_RUN_KIND)
      .where("target", "=", c.name)
      .orderBy("started_at", "desc")
      .limit(1)
      .executeTakeFirst();
    if (latest && latest.status === status) {
      await db
        .updateTable("probe_runs")
        .set({ finished_at: finishedAt, summary: summaryOf(s, c) })
        .where("id", "=", latest.id)
        .execute();
      continue;
    }
    await db
      .insertInto("probe_runs")
      .values({
        id: randomUUID(),
        kind: REDIS_RUN_KIND,
        target: c.name,
        started_at: s.takenAt,
        finished_at: finishedAt,
        status,
        trigger: "schedule",
        summary: summaryOf(s, c),
        error: null,
      })
      .execute();
  }
}
