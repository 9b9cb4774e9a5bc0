import "server-only";
import type { ImageRef, RebuildPlan } from "@/lib/ci/dto";
import { hasRole } from "@/server/auth/roles";
import type { Actor } from "@/server/auth/session";
import { CiError } from "@/server/clients/woodpecker";
import { getConfig } from "@/server/config";
import { ciSettings, resolveRepoId } from "./client-for";
import { buildTriggerBody, findRebuildTarget } from "./target";

/** What a rebuild of this image would send, with the repo id looked up live (read-only). */
export async function planRebuild(actor: Actor, image: ImageRef, signal?: AbortSignal): Promise<RebuildPlan> {
  const target = findRebuildTarget(getConfig(), image.registry, image.repo, image.tag);
  const wp = getConfig().ci?.woodpecker;
  if (!target || !wp) return { kind: "not-configured" };
  let repoId: number | null = null;
  let lookupError: string | null = null;
  try {
    repoId = await resolveRepoId(ciSettings().client, target.ciRepo, signal);
  } catch (err) {
    if (!(err instanceof CiError)) throw err;
    lookupError = err.message;
  }
  return {
    kind: "ready",
    ciRepo: String(target.ciRepo),
    repoId,
    branch: target.branch,
    method: "POST",
    url: `${wp.url.replace(/\/+$/, "")}/api/repos/${repoId ?? `{id of ${target.ciRepo}}`}/pipelines`,
    body: buildTriggerBody(target, image, actor.name),
    alsoRuns: target.alsoRuns,
    lookupError,
    canRebuild: hasRole(actor.role, "operator"),
  };
}
