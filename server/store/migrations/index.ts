import type { Migration } from "kysely/migration";
import { m001Foundation } from "./001-foundation";
import { m002Registry } from "./002-registry";
import { m003Chrome } from "./003-chrome";
import { m004Redis } from "./004-redis";

/** Every migration, in order. Names sort lexically; each area appends its own. */
export const migrations: Record<string, Migration> = {
  "001-foundation": m001Foundation,
  "002-registry": m002Registry,
  "003-chrome": m003Chrome,
  "004-redis": m004Redis,
};
