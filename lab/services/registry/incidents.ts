import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Image } from "./image-gen";
import { gcPhase, INCIDENT_REPOS, mainPhase, type SeedEntry } from "./seed-plan";

export interface BrokenRef {
  kind: "orphaned-child" | "missing-config" | "missing-layer" | "hollow-blob";
  repo: string;
  tag: string;
  digest: string;
}

const v2 = (root: string) => path.join(root, "docker", "registry", "v2");
const hex = (d: string) => d.replace(/^sha256:/, "");
export const blobData = (root: string, digest: string) =>
  path.join(v2(root), "blobs", "sha256", hex(digest).slice(0, 2), hex(digest), "data");
export const revisionLink = (root: string, repo: string, digest: string) =>
  path.join(v2(root), "repositories", repo, "_manifests", "revisions", "sha256", hex(digest), "link");

const entry = (list: SeedEntry[], repo: string, tag: string) => list.find((e) => e.repo === repo && e.tags.includes(tag))!;
const children = (img: Image) => img.manifests.filter((m) => m !== img.top);
const configOf = (img: Image) => img.blobs[0]!;
const ownLayerOf = (img: Image) => img.blobs.at(-1)!;

/** The exact broken references the seed produces (fast mode sees all but the hollow blob). */
export function expectedBroken(): BrokenRef[] {
  const gc = gcPhase();
  const main = mainPhase();
  const out: BrokenRef[] = [];
  for (const e of gc)
    for (const c of children(e.image)) out.push({ kind: "orphaned-child", repo: e.repo, tag: e.tags[0]!, digest: c.digest });
  const { cleanup, missingConfig, missingLayer, hollow } = INCIDENT_REPOS;
  for (const c of children(entry(main, cleanup.repo, cleanup.tag).image))
    out.push({ kind: "orphaned-child", repo: cleanup.repo, tag: cleanup.tag, digest: c.digest });
  out.push({
    kind: "missing-config",
    repo: missingConfig.repo,
    tag: missingConfig.tag,
    digest: configOf(entry(main, missingConfig.repo, missingConfig.tag).image).digest,
  });
  out.push({
    kind: "missing-layer",
    repo: missingLayer.repo,
    tag: missingLayer.tag,
    digest: ownLayerOf(entry(main, missingLayer.repo, missingLayer.tag).image).digest,
  });
  out.push({
    kind: "hollow-blob",
    repo: hollow.repo,
    tag: hollow.tag,
    digest: ownLayerOf(entry(main, hollow.repo, hollow.tag).image).digest,
  });
  return out;
}

/** What a read-only scan of the storage must find: dangling layer links and index children without a revision link. */
export function expectedStorage(): {
  danglingLayerLinks: { repo: string; digest: string }[];
  missingRevisionLinks: { repo: string; index: string; child: string }[];
} {
  const gc = gcPhase();
  const main = mainPhase();
  const dangling = new Map<string, { repo: string; digest: string }>();
  const missing: { repo: string; index: string; child: string }[] = [];
  for (const e of gc) {
    for (const c of children(e.image)) missing.push({ repo: e.repo, index: e.image.top.digest, child: c.digest });
    for (const b of e.image.blobs) dangling.set(`${e.repo}@${b.digest}`, { repo: e.repo, digest: b.digest });
  }
  const { cleanup, missingConfig, missingLayer, hollow } = INCIDENT_REPOS;
  const cv = entry(main, cleanup.repo, cleanup.tag).image;
  for (const c of children(cv)) missing.push({ repo: cleanup.repo, index: cv.top.digest, child: c.digest });
  const add = (repo: string, digest: string) => dangling.set(`${repo}@${digest}`, { repo, digest });
  add(missingConfig.repo, configOf(entry(main, missingConfig.repo, missingConfig.tag).image).digest);
  add(missingLayer.repo, ownLayerOf(entry(main, missingLayer.repo, missingLayer.tag).image).digest);
  add(hollow.repo, ownLayerOf(entry(main, hollow.repo, hollow.tag).image).digest);
  return { danglingLayerLinks: [...dangling.values()], missingRevisionLinks: missing };
}

/** On a stopped registry: what the daily tag cleanup + weekly GC left behind (done by hand, without GC). */
export function applyDiskIncidents(root: string, opts: { gcVictims: boolean }): void {
  const main = mainPhase();
  if (opts.gcVictims) {
    for (const e of gcPhase()) {
      for (const c of children(e.image)) rmSync(revisionLink(root, e.repo, c.digest), { force: true });
      for (const b of e.image.blobs) rmSync(path.dirname(blobData(root, b.digest)), { recursive: true, force: true });
    }
  }
  const { cleanup, missingConfig, missingLayer } = INCIDENT_REPOS;
  for (const c of children(entry(main, cleanup.repo, cleanup.tag).image))
    rmSync(revisionLink(root, cleanup.repo, c.digest), { force: true });
  rmSync(path.dirname(blobData(root, configOf(entry(main, missingConfig.repo, missingConfig.tag).image).digest)), {
    recursive: true,
    force: true,
  });
  rmSync(path.dirname(blobData(root, ownLayerOf(entry(main, missingLayer.repo, missingLayer.tag).image).digest)), {
    recursive: true,
    force: true,
  });
}

export function hollowDigest(): string {
  const { hollow } = INCIDENT_REPOS;
  return ownLayerOf(entry(mainPhase(), hollow.repo, hollow.tag).image).digest;
}

/** Keeps a copy of the hollow blob's data so it can be put back before a restart and removed again after. */
export function saveHollow(root: string, spare: string): void {
  mkdirSync(path.dirname(spare), { recursive: true });
  const src = blobData(root, hollowDigest());
  if (existsSync(src)) copyFileSync(src, spare);
}

export function restoreHollow(root: string, spare: string): void {
  const dst = blobData(root, hollowDigest());
  mkdirSync(path.dirname(dst), { recursive: true });
  if (existsSync(spare)) copyFileSync(spare, dst);
}

export function removeHollow(root: string): void {
  rmSync(path.dirname(blobData(root, hollowDigest())), { recursive: true, force: true });
}
