import { z } from "zod";
import { Finding, TreeNode } from "./finding";

export const RunProgress = z.object({
  phase: z.string(),
  reposDone: z.number(),
  reposTotal: z.number(),
  tagsDone: z.number(),
  tagsTotal: z.number(),
  requestsDone: z.number(),
  requestsKnown: z.number(),
});

export const RunView = z.object({
  id: z.string(),
  status: z.string(),
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  failures: z.number(),
  reason: z.string().nullable(),
  catalogAccessible: z.boolean().nullable(),
  counts: z
    .object({
      repos: z.number(),
      tags: z.number(),
      indexes: z.number(),
      manifests: z.number(),
      blobs: z.number(),
      requests: z.number(),
      foreignSkipped: z.number(),
      notCached: z.number(),
    })
    .nullable(),
  progress: RunProgress.nullable(),
});
export type RunView = z.infer<typeof RunView>;

export const GcCheckResult = z.object({
  runId: z.string(),
  checkedAt: z.string(),
  source: z.enum(["pasted", "file"]),
  eligible: z.number(),
  unsafe: z.number(),
  liveIndexes: z.number(),
});
export type GcCheckResult = z.infer<typeof GcCheckResult>;

export const RegistryOverview = z.object({
  name: z.string(),
  kind: z.enum(["private", "mirror"]),
  instance: z.string(),
  mode: z.string(),
  intervalMs: z.number(),
  stale: z.boolean(),
  /** Why the shown results are stale (no walk for a while, or the latest run could not check). */
  staleReason: z.string().nullable(),
  /** Repos/tags that changed while the last walk ran. */
  changed: z.array(z.string()),
  gc: GcCheckResult.nullable(),
  gcFileConfigured: z.boolean(),
  catalogAccessible: z.boolean().nullable(),
  lastRun: RunView.nullable(),
  lastWalk: RunView.nullable(),
  running: RunView.nullable(),
  findings: z.array(Finding),
  notCached: z.array(z.object({ repo: z.string(), tag: z.string(), digest: z.string().nullable() })),
  history: z.array(z.object({ at: z.string(), failures: z.number(), status: z.string() })),
  cacheHitRate: z.number().nullable(),
  rebuildable: z.array(z.string()),
});
export type RegistryOverview = z.infer<typeof RegistryOverview>;

export const TagRow = z.object({
  repo: z.string(),
  tag: z.string(),
  digest: z.string().nullable(),
  mediaType: z.string().nullable(),
  status: z.string(),
  checkedAt: z.string(),
});
export type TagRow = z.infer<typeof TagRow>;
export const TagPage = z.object({ rows: z.array(TagRow), total: z.number() });
export type TagPage = z.infer<typeof TagPage>;

export const TagDetail = z.object({ registry: z.string(), row: TagRow.nullable(), tree: TreeNode.nullable(), findings: z.array(Finding) });
export type TagDetail = z.infer<typeof TagDetail>;
