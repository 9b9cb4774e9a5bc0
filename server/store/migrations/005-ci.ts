import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

export const m005Ci: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("ci_rebuilds")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("registry", "text", (c) => c.notNull())
      .addColumn("repo", "text", (c) => c.notNull())
      .addColumn("tag", "text", (c) => c.notNull())
      .addColumn("ci_repo", "text", (c) => c.notNull())
      .addColumn("repo_id", "integer", (c) => c.notNull())
      .addColumn("branch", "text", (c) => c.notNull())
      .addColumn("request_body", "text", (c) => c.notNull())
      .addColumn("also_runs", "text", (c) => c.notNull())
      .addColumn("pipeline_number", "integer")
      .addColumn("pipeline_url", "text")
      .addColumn("state", "text")
      .addColumn("outcome", "text", (c) => c.notNull())
      .addColumn("message", "text")
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("actor_name", "text", (c) => c.notNull())
      .addColumn("actor_role", "text", (c) => c.notNull())
      .addColumn("started_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("finished_at", "text")
      .addColumn("verify_status", "text")
      .addColumn("verify_run_id", "text")
      .addColumn("verify_summary", "text")
      .execute();
    await db.schema.createIndex("ci_rebuilds_image").on("ci_rebuilds").columns(["registry", "repo", "tag", "started_at"]).execute();
    await db.schema.createIndex("ci_rebuilds_outcome").on("ci_rebuilds").columns(["outcome"]).execute();
  },
};
