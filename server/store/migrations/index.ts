import type { Migration } from "kysely/migration";
import { m001Foundation } from "./001-foundation";
import { m003Chrome } from "./003-chrome";

/** Every migration, in order. Names sort lexically; each area appends its own. */
export const migrations: Record<string, Migration> = {
  "001-foundation": m001Foundation,
  "003-chrome": m003Chrome,
};
