import { rmSync } from "node:fs";
import path from "node:path";
import { pushImage, putManifest, type PushTarget } from "./push-image";
import { findSeeded, mainPhase } from "./seed-plan";

const repoDir = (root: string, repo: string) => path.join(root, "docker", "registry", "v2", "repositories", repo);

/** Deletes a repository the way an operator's `rm -rf` on the registry VM does (blob data stays). */
export function deleteRepoOnDisk(root: string, repo: string): void {
  rmSync(repoDir(root, repo), { recursive: true, force: true });
}

/** Removes one tag directory, as the daily tag cleanup did. */
export function removeTagOnDisk(root: string, repo: string, tag: string): void {
  rmSync(path.join(repoDir(root, repo), "_manifests", "tags", tag), { recursive: true, force: true });
}

/** Pushes every seeded image of a repo again, every blob included (the blob cache may still say 200). */
export async function restoreRepo(target: PushTarget, repo: string): Promise<void> {
  for (const e of mainPhase().filter((x) => x.repo === repo)) await pushImage(target, e.repo, e.tags, e.image, true);
}

export interface Churn {
  repo: string;
  removed: string;
  added: string;
}

export const DEFAULT_CHURN: Churn = { repo: "many-tags-b", removed: "build-003", added: "build-999" };

/** Between two tag pages: one listed tag disappears and a new one is pushed. */
export async function churnTags(root: string, target: PushTarget, c: Churn): Promise<void> {
  const source = findSeeded(c.repo, c.removed);
  if (!source) throw new Error(`no seeded image ${c.repo}:${c.removed}`);
  removeTagOnDisk(root, c.repo, c.removed);
  await putManifest(target, c.repo, c.added, source.image.top.mediaType, source.image.top.bytes);
}

export async function undoChurn(root: string, target: PushTarget, c: Churn): Promise<void> {
  const source = findSeeded(c.repo, c.removed);
  if (!source) return;
  removeTagOnDisk(root, c.repo, c.added);
  await putManifest(target, c.repo, c.removed, source.image.top.mediaType, source.image.top.bytes);
}

/** Every manifest below a live tagged index of the main seed: what a GC with --delete-untagged must not delete. */
export function expectedGcUnsafe(): { repo: string; digest: string; tags: string[] }[] {
  const out = new Map<string, { repo: string; digest: string; tags: string[] }>();
  for (const e of mainPhase()) {
    if (e.image.top.role !== "index") continue;
    for (const m of e.image.manifests) {
      if (m === e.image.top) continue;
      const key = `${e.repo}@${m.digest}`;
      const prev = out.get(key);
      if (prev) prev.tags.push(...e.tags.filter((t) => !prev.tags.includes(t)));
      else out.set(key, { repo: e.repo, digest: m.digest, tags: [...e.tags] });
    }
  }
  return [...out.values()];
}
