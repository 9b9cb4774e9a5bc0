import "server-only";
import type { ActionFn } from "./define";
import * as system from "./system";
import * as registry from "./registry";
import * as chrome from "./chrome";
import * as ci from "./ci";

/** Every action by name, for POST /api/actions/<name>. Each area adds its module here. */
const modules: Record<string, unknown>[] = [system, registry, chrome, ci];

export const actionsByName: ReadonlyMap<string, ActionFn<unknown>> = new Map(
  modules
    .flatMap((m) => Object.values(m))
    .filter((v): v is ActionFn<unknown> => typeof v === "function" && "def" in v)
    .map((a) => [a.def.name, a]),
);
