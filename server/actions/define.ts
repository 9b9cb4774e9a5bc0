import "server-only";
import type { z } from "zod";
import { whoIsCalling } from "../auth/session";
import type { ActionResult } from "./result";
import { runAction, type ActionContext, type ActionDef } from "./run";

export type { ActionContext, ActionDef } from "./run";
export type { ActionResult } from "./result";

export type ActionFn<O> = ((raw: unknown) => Promise<ActionResult<O>>) & { def: ActionDef<z.ZodType> };

/** Builds an action: a server function that checks the caller's role itself, every time. */
export function defineAction<I extends z.ZodType, O>(
  def: ActionDef<I>,
  run: (ctx: ActionContext, input: z.infer<I>) => Promise<O>,
): ActionFn<O> {
  const fn = async (raw: unknown) => runAction(def, run, await whoIsCalling(), raw);
  return Object.assign(fn, { def: def as unknown as ActionDef<z.ZodType> });
}
