import type { FindingKind, PathStep, TreeNode } from "@/lib/registry/finding";

export type WalkMode = "fast" | "deep" | "sample";

export interface WalkOptions {
  registry: string;
  mirror?: boolean;
  mode: WalkMode;
  /** Share of blobs fetched in full in sample mode (0..1). */
  sampleShare?: number;
  include?: string[];
  exclude?: string[];
  /** Walk only these images instead of the whole catalog. */
  images?: { repo: string; tag: string }[];
  maxDepth?: number;
  /** n= for catalog and tag list pages. */
  pageSize?: number;
  signal?: AbortSignal;
  onProgress?: (p: WalkProgress) => void;
  random?: () => number;
}

export interface WalkProgress {
  phase: "catalog" | "walking" | "done";
  reposDone: number;
  reposTotal: number;
  tagsDone: number;
  tagsTotal: number;
  requestsDone: number;
  requestsKnown: number;
}

/** A problem found below a node; the path is relative to where it was found. */
export interface Issue {
  kind: FindingKind | "not-cached";
  digest: string | null;
  path: PathStep[];
  httpStatus: number | null;
  code: string | null;
}

export interface NodeOutcome {
  tree: TreeNode;
  issues: Issue[];
}

export interface RawFinding {
  kind: FindingKind;
  repo: string;
  tags: string[];
  digest: string | null;
  path: PathStep[];
  httpStatus: number | null;
  code: string | null;
  diagnosis: string;
}

export type ImageStatus = "intact" | "broken" | "not-cached" | "could-not-check";

export interface TagResult {
  repo: string;
  tag: string;
  digest: string | null;
  mediaType: string | null;
  status: ImageStatus;
  tree: TreeNode | null;
}

export interface WalkCounts {
  repos: number;
  tags: number;
  indexes: number;
  manifests: number;
  blobs: number;
  requests: number;
  foreignSkipped: number;
  notCached: number;
}

export interface WalkResult {
  registry: string;
  mode: WalkMode;
  status: "ok" | "failed" | "could-not-run";
  catalogAccessible: boolean;
  reason: string | null;
  counts: WalkCounts;
  findings: RawFinding[];
  tags: TagResult[];
  notCached: { repo: string; tag: string; digest: string | null; path: PathStep[] }[];
  foreign: { repo: string; digest: string }[];
  /** Repos or tags that changed while the walk ran (deleted repo, tag gone between pages). */
  changed: string[];
  startedAt: string;
  durationMs: number;
}
