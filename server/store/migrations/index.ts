import type { Migration } from "kysely/migration";
import { m001Foundation } from "./001-foundation";
import { m003Chrome } from "./003-chrome";
import { m004Redis } from "./004-redis";
import { m005Ci } from "./005-ci";
import { m006Registry } from "./006-registry";

/** Every migration, in order. Names sort lexically; each area appends its own. */
export const migrations: Record<string, Migration> = {
  "001-foundation": m001Foundation,
  "003-chrome": m003Chrome,
  "004-redis": m004Redis,
  "005-ci": m005Ci,
  "006-registry": m006Registry,
};
