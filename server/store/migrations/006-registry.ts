import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

export const m006Registry: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("registry_findings")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("registry", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("repo", "text", (c) => c.notNull())
      .addColumn("digest", "text")
      .addColumn("tags", "text", (c) => c.notNull())
      .addColumn("path", "text", (c) => c.notNull())
      .addColumn("http_status", "integer")
      .addColumn("code", "text")
      .addColumn("diagnosis", "text", (c) => c.notNull())
      .addColumn("first_seen", "text", (c) => c.notNull())
      .addColumn("last_seen", "text", (c) => c.notNull())
      .addColumn("resolved_at", "text")
      .addColumn("last_run_id", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("registry_findings_open").on("registry_findings").columns(["registry", "resolved_at", "repo"]).execute();
    await db.schema
      .createTable("registry_tags")
      .addColumn("registry", "text", (c) => c.notNull())
      .addColumn("repo", "text", (c) => c.notNull())
      .addColumn("tag", "text", (c) => c.notNull())
      .addColumn("digest", "text")
      .addColumn("media_type", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("tree", "text")
      .addColumn("checked_at", "text", (c) => c.notNull())
      .addColumn("run_id", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("registry_tags_pk", ["registry", "repo", "tag"])
      .execute();
  },
};
