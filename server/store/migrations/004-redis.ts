import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

export const m004Redis: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("redis_snapshots")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("taken_at", "text", (c) => c.notNull())
      .addColumn("duration_ms", "integer", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("critical", "integer", (c) => c.notNull())
      .addColumn("warning", "integer", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("redis_latest")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("taken_at", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("redis_snapshots_taken_at").on("redis_snapshots").column("taken_at").execute();
    await db.schema
      .createTable("redis_events")
      .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
      .addColumn("cluster", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("detail", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("redis_events_cluster_at").on("redis_events").columns(["cluster", "at"]).execute();
  },
};
