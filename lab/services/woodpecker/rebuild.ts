import { findSeeded } from "../registry/seed-plan";
import { pushImage, type PushTarget } from "../registry/push-image";

/**
 * What the stand-in's build workflow really does: every tag of the image named by
 * REBUILD_IMAGE that the lab seeded is pushed to the lab registry again (every blob, every
 * child manifest, then the tag), the way a CI build-and-push heals an orphaned index.
 */
export async function rebuildImage(target: PushTarget, variables: Record<string, string>, signal: AbortSignal): Promise<string> {
  const image = variables.REBUILD_IMAGE;
  if (!image) throw new Error("REBUILD_IMAGE is not set: nothing to build");
  const res = await fetch(`${target.url}/v2/${image}/tags/list`, {
    headers: target.authorization ? { authorization: target.authorization } : {},
    signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]),
  });
  const listed = res.ok ? (((await res.json()) as { tags?: string[] | null }).tags ?? []) : (await res.arrayBuffer(), []);
  const wanted = variables.REBUILD_TAG ? [variables.REBUILD_TAG] : listed;
  const builds = wanted.map((tag) => ({ tag, entry: findSeeded(image, tag) })).filter((b) => b.entry);
  if (builds.length === 0) throw new Error(`no build recipe for ${image}`);
  for (const { tag, entry } of builds) {
    if (signal.aborted) throw new Error("canceled");
    await pushImage(target, image, [tag], entry!.image, true);
  }
  return `pushed ${image}:${builds.map((b) => b.tag).join(",")}`;
}
