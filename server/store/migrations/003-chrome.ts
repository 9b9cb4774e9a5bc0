import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

export const m003Chrome: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("chrome_screenshots")
      .addColumn("run_id", "text", (c) => c.primaryKey())
      .addColumn("check_name", "text", (c) => c.notNull())
      .addColumn("verdict", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("file", "text", (c) => c.notNull())
      .addColumn("thumb_file", "text", (c) => c.notNull())
      .addColumn("bytes", "integer", (c) => c.notNull())
      .addColumn("thumb_bytes", "integer", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("chrome_screenshots_check").on("chrome_screenshots").columns(["check_name", "created_at"]).execute();
  },
};
