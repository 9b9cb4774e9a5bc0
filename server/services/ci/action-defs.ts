import "server-only";
import { z } from "zod";
import { ImageRef } from "@/lib/ci/dto";
import type { ActionContext, ActionDef } from "@/server/actions/run";
import { cancelRebuild } from "./cancel-rebuild";
import { startRebuild } from "./trigger-rebuild";

/** The CI actions' definitions and bodies, kept here so tests can run them through the same wrapper. */
export const rebuildImageDef = {
  name: "ci.rebuildImage",
  role: "operator",
  risk: "dangerous",
  input: ImageRef,
  resource: (i) => `${i.registry}/${i.repo}:${i.tag}`,
} satisfies ActionDef<typeof ImageRef>;

export const runRebuildImage = (ctx: ActionContext, input: ImageRef) =>
  startRebuild({ actor: ctx.actor, runId: ctx.runId, log: ctx.log, signal: ctx.signal }, input);

const CancelInput = z.object({ id: z.string().min(1).max(100) }).strict();

export const cancelPipelineDef = {
  name: "ci.cancelPipeline",
  role: "operator",
  risk: "safe",
  input: CancelInput,
  resource: (i) => `ci/rebuild/${i.id}`,
} satisfies ActionDef<typeof CancelInput>;

export const runCancelPipeline = (ctx: ActionContext, input: z.infer<typeof CancelInput>) =>
  cancelRebuild({ actor: ctx.actor, signal: ctx.signal }, input);
