import { z } from "zod";

export const FindingKind = z.enum([
  "orphaned-child",
  "missing-config",
  "missing-layer",
  "hollow-blob",
  "malformed",
  "unauthorized",
  "registry-error",
  "gc-unsafe",
  "dangling-layer-link",
  "missing-revision-link",
]);
export type FindingKind = z.infer<typeof FindingKind>;

/** One hop of the path from the tag down to the broken node. */
export const PathStep = z.object({ label: z.string(), digest: z.string().nullable(), mediaType: z.string().nullable() });
export type PathStep = z.infer<typeof PathStep>;

export const Finding = z.object({
  id: z.string(),
  registry: z.string(),
  kind: FindingKind,
  repo: z.string(),
  tags: z.array(z.string()),
  digest: z.string().nullable(),
  path: z.array(PathStep),
  httpStatus: z.number().nullable(),
  code: z.string().nullable(),
  diagnosis: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  resolvedAt: z.string().nullable(),
});
export type Finding = z.infer<typeof Finding>;

/** Kinds that mean "an image is broken" (and count in the failures gauge). */
export const BROKEN_KINDS: readonly FindingKind[] = ["orphaned-child", "missing-config", "missing-layer", "hollow-blob", "malformed"];

export const TreeNode: z.ZodType<TreeNode> = z.lazy(() =>
  z.object({
    label: z.string(),
    role: z.enum(["index", "image", "config", "layer", "foreign-layer"]),
    digest: z.string().nullable(),
    mediaType: z.string().nullable(),
    size: z.number().nullable(),
    platform: z.string().nullable(),
    status: z.enum(["ok", "broken", "not-cached", "skipped", "error", "unchecked"]),
    code: z.string().nullable(),
    httpStatus: z.number().nullable(),
    children: z.array(TreeNode),
  }),
);
export interface TreeNode {
  label: string;
  role: "index" | "image" | "config" | "layer" | "foreign-layer";
  digest: string | null;
  mediaType: string | null;
  size: number | null;
  platform: string | null;
  status: "ok" | "broken" | "not-cached" | "skipped" | "error" | "unchecked";
  code: string | null;
  httpStatus: number | null;
  children: TreeNode[];
}
