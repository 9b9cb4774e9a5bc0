import "server-only";
import type { Config } from "@/server/config";
import type { TriggerBody } from "@/lib/ci/dto";

export interface RebuildTarget {
  ciRepo: string | number;
  branch: string;
  variables: Record<string, string>;
  alsoRuns: string[];
}

/** The configured pipeline for an image: `repo:tag` first, then `repo`; null when none is configured. */
export function findRebuildTarget(config: Pick<Config, "registries">, registry: string, repo: string, tag: string): RebuildTarget | null {
  const r = config.registries.find((x) => x.name === registry);
  if (!r) return null;
  return r.rebuild[`${repo}:${tag}`] ?? r.rebuild[repo] ?? null;
}

/** Exactly what is POSTed to Woodpecker. */
export function buildTriggerBody(
  target: RebuildTarget,
  image: { registry: string; repo: string; tag: string },
  actorName: string,
): TriggerBody {
  return {
    branch: target.branch,
    variables: { ...target.variables },
    message: `Switchboard: rebuild ${image.registry}/${image.repo}:${image.tag} (requested by ${actorName})`,
  };
}

/** One lease per (repo id, branch): a manual trigger runs every manual workflow of that repo. */
export const leaseKey = (repoId: number, branch: string) => `ci/repo-${repoId}/${branch}`;

export const pipelineUrl = (webUrl: string, repoId: number, number: number) =>
  `${webUrl.replace(/\/+$/, "")}/repos/${repoId}/pipeline/${number}`;
