import "server-only";
import type { ActionFn } from "./define";
import * as system from "./system";

/** Every action by name, for POST /api/actions/<name>. Each area adds its module here. */
const modules: Record<string, unknown>[] = [system];

export const actionsByName: ReadonlyMap<string, ActionFn<unknown>> = new Map(
  modules
    .flatMap((m) => Object.values(m))
    .filter((v): v is ActionFn<unknown> => typeof v === "function" && "def" in v)
    .map((a) => [a.def.name, a]),
);
