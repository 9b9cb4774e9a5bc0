import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

export const m001Foundation: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("audit_log")
      .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
      .addColumn("ts", "text", (c) => c.notNull())
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("actor_name", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("resource", "text", (c) => c.notNull())
      .addColumn("phase", "text", (c) => c.notNull())
      .addColumn("run_id", "text", (c) => c.notNull())
      .addColumn("params", "text", (c) => c.notNull())
      .addColumn("result", "text")
      .addColumn("error_code", "text")
      .addColumn("duration_ms", "integer")
      .addColumn("prev_hash", "text", (c) => c.notNull())
      .addColumn("hash", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("audit_log_ts").on("audit_log").column("ts").execute();
    await db.schema
      .createTable("action_runs")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("resource", "text", (c) => c.notNull())
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("started_at", "text", (c) => c.notNull())
      .addColumn("finished_at", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("result", "text")
      .addColumn("error_code", "text")
      .addColumn("duration_ms", "integer")
      .execute();
    await db.schema
      .createTable("locks")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("holder", "text", (c) => c.notNull())
      .addColumn("holder_name", "text", (c) => c.notNull())
      .addColumn("run_id", "text", (c) => c.notNull())
      .addColumn("acquired_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("token", "integer", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("counters")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("value", "integer", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("probe_runs")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("target", "text", (c) => c.notNull())
      .addColumn("started_at", "text", (c) => c.notNull())
      .addColumn("finished_at", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("trigger", "text", (c) => c.notNull())
      .addColumn("summary", "text")
      .addColumn("error", "text")
      .execute();
    await db.schema.createIndex("probe_runs_kind_target").on("probe_runs").columns(["kind", "target", "started_at"]).execute();
  },
};
