import { z } from "zod";
import { REBUILD_OUTCOMES } from "./states";

export const TriggerBody = z.object({
  branch: z.string(),
  variables: z.record(z.string(), z.string()),
  message: z.string().optional(),
});
export type TriggerBody = z.infer<typeof TriggerBody>;

export const ImageRef = z
  .object({
    registry: z.string().min(1).max(100),
    repo: z.string().min(1).max(255),
    tag: z.string().min(1).max(128),
  })
  .strict();
export type ImageRef = z.infer<typeof ImageRef>;

export const Verification = z.object({
  status: z.enum(["intact", "broken", "could-not-check"]),
  runId: z.string().nullable(),
  findings: z.number(),
  reason: z.string().nullable(),
});
export type Verification = z.infer<typeof Verification>;

export const Rebuild = z.object({
  id: z.string(),
  registry: z.string(),
  repo: z.string(),
  tag: z.string(),
  ciRepo: z.string(),
  repoId: z.number(),
  branch: z.string(),
  requestBody: TriggerBody,
  alsoRuns: z.array(z.string()),
  pipelineNumber: z.number().nullable(),
  pipelineUrl: z.string().nullable(),
  state: z.string().nullable(),
  outcome: z.enum(REBUILD_OUTCOMES),
  message: z.string().nullable(),
  actorName: z.string(),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  verification: Verification.nullable(),
});
export type Rebuild = z.infer<typeof Rebuild>;

/** What the rebuild button shows before anyone clicks: the exact call and its side effects. */
export const RebuildPlan = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("not-configured") }),
  z.object({
    kind: z.literal("ready"),
    ciRepo: z.string(),
    repoId: z.number().nullable(),
    branch: z.string(),
    method: z.literal("POST"),
    url: z.string(),
    body: TriggerBody,
    alsoRuns: z.array(z.string()),
    /** Why the repo id could not be looked up (the button stays usable: the action looks it up again). */
    lookupError: z.string().nullable(),
    canRebuild: z.boolean(),
  }),
]);
export type RebuildPlan = z.infer<typeof RebuildPlan>;

export const RebuildList = z.object({
  rebuilds: z.array(Rebuild),
  /** The verification that followed the latest successful pipeline, per image. */
  lastVerified: z.array(Rebuild),
  generatedAt: z.string(),
});
export type RebuildList = z.infer<typeof RebuildList>;
