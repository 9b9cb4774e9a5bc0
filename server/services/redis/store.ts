import "server-only";
import type { Db } from "@/server/store/db";
import { Snapshot, type RoleEvent } from "@/lib/redis/snapshot";
import type { NewEvent } from "./events";

const count = (s: Snapshot, sev: string) => s.clusters.reduce((n, c) => n + c.findings.filter((f) => f.severity === sev).length, 0);

export const stripInfo = (s: Snapshot): Snapshot => ({
  ...s,
  clusters: s.clusters.map((c) => ({ ...c, nodes: c.nodes.map((n) => ({ ...n, info: {} })) })),
});

export async function saveLatest(db: Db, s: Snapshot): Promise<void> {
  const body = JSON.stringify(s);
  await db
    .insertInto("redis_latest")
    .values({ id: "latest", taken_at: s.takenAt, body })
    .onConflict((oc) => oc.column("id").doUpdateSet({ taken_at: s.takenAt, body }))
    .execute();
}

export async function saveHistory(db: Db, s: Snapshot, events: NewEvent[], keepMs: number): Promise<void> {
  const stripped = stripInfo(s);
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("redis_snapshots")
      .values({
        id: s.id,
        taken_at: s.takenAt,
        duration_ms: s.durationMs,
        body: JSON.stringify(stripped),
        critical: count(s, "critical"),
        warning: count(s, "warning"),
      })
      .execute();
    if (events.length) await tx.insertInto("redis_events").values(events).execute();
    const cutoff = new Date(Date.now() - keepMs).toISOString();
    await tx.deleteFrom("redis_snapshots").where("taken_at", "<", cutoff).execute();
    await tx.deleteFrom("redis_events").where("at", "<", cutoff).execute();
  });
}

export async function loadLatest(db: Db): Promise<Snapshot | null> {
  const row = await db.selectFrom("redis_latest").select("body").where("id", "=", "latest").executeTakeFirst();
  if (!row) return null;
  const parsed = Snapshot.safeParse(JSON.parse(row.body));
  return parsed.success ? parsed.data : null;
}

export async function listEvents(db: Db, limit = 100): Promise<RoleEvent[]> {
  const rows = await db.selectFrom("redis_events").selectAll().orderBy("id", "desc").limit(limit).execute();
  return rows.map((r) => ({ ...r, kind: r.kind as RoleEvent["kind"] }));
}

export async function listHistory(db: Db, limit = 50): Promise<{ id: string; takenAt: string; critical: number; warning: number }[]> {
  const rows = await db
    .selectFrom("redis_snapshots")
    .select(["id", "taken_at", "critical", "warning"])
    .orderBy("taken_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, takenAt: r.taken_at, critical: r.critical, warning: r.warning }));
}
