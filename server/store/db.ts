import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { Migrator, type MigrationProvider } from "kysely/migration";
import { getConfig } from "../config";
import { migrations } from "./migrations";
import type { Database } from "./schema";

export type Db = Kysely<Database>;

const g = globalThis as typeof globalThis & { __switchboardDb?: Promise<Db> };

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function openDb(file: string): Promise<Db> {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) throw new Error(`store migration failed${failed ? ` at ${failed.migrationName}` : ""}: ${String(error)}`);
  return db;
}

/** The panel's store, opened and migrated once per process. */
export function getDb(): Promise<Db> {
  g.__switchboardDb ??= openDb(getConfig().store.sqlite);
  return g.__switchboardDb;
}

export const nowIso = () => new Date().toISOString();
