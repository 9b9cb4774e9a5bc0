import "server-only";
import { access, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { diagnose } from "@/lib/registry/diagnose";
import type { RawFinding } from "./walk-types";

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );
const hexDirs = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).filter((h) => /^[a-f0-9]{64}$/.test(h));

async function findRepos(dir: string, prefix: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  if (entries.some((e) => e.name === "_manifests" || e.name === "_layers")) out.push(prefix);
  for (const e of entries)
    if (e.isDirectory() && !e.name.startsWith("_")) await findRepos(path.join(dir, e.name), prefix ? `${prefix}/${e.name}` : e.name, out);
}

/**
 * Read-only scan of a filesystem-driver root: layer links whose blob data is gone, and index
 * children whose per-repo revision link is missing (the link decides what is served). Never writes.
 */
export async function scanStorage(root: string): Promise<{ findings: RawFinding[]; repos: number }> {
  const v2 = path.join(root, "docker", "registry", "v2");
  const blob = (hex: string) => path.join(v2, "blobs", "sha256", hex.slice(0, 2), hex, "data");
  const repos: string[] = [];
  await findRepos(path.join(v2, "repositories"), "", repos);
  const findings: RawFinding[] = [];
  for (const repo of repos) {
    const rdir = path.join(v2, "repositories", repo);
    for (const hex of await hexDirs(path.join(rdir, "_layers", "sha256"))) {
      if (!(await exists(path.join(rdir, "_layers", "sha256", hex, "link"))) || (await exists(blob(hex)))) continue;
      const p = [{ label: `${repo} _layers`, digest: `sha256:${hex}`, mediaType: null }];
      findings.push({
        kind: "dangling-layer-link",
        repo,
        tags: [],
        digest: `sha256:${hex}`,
        path: p,
        httpStatus: null,
        code: "BLOB_DATA_MISSING",
        diagnosis: diagnose("dangling-layer-link", p, null, null),
      });
    }
    const tagsOf = new Map<string, string[]>();
    for (const tag of await readdir(path.join(rdir, "_manifests", "tags")).catch(() => [] as string[])) {
      const link = await readFile(path.join(rdir, "_manifests", "tags", tag, "current", "link"), "utf8").catch(() => null);
      if (link) tagsOf.set(link.trim(), [...(tagsOf.get(link.trim()) ?? []), tag]);
    }
    const revisions = path.join(rdir, "_manifests", "revisions", "sha256");
    for (const hex of await hexDirs(revisions)) {
      if (!(await exists(path.join(revisions, hex, "link")))) continue;
      const body = await readFile(blob(hex), "utf8").catch(() => null);
      if (!body) continue;
      let children: { digest?: unknown }[] = [];
      try {
        const doc = JSON.parse(body) as { manifests?: unknown };
        if (Array.isArray(doc.manifests)) children = doc.manifests as { digest?: unknown }[];
      } catch {
        continue;
      }
      const tags = tagsOf.get(`sha256:${hex}`) ?? [];
      for (const c of children) {
        if (typeof c.digest !== "string" || !/^sha256:[a-f0-9]{64}$/.test(c.digest)) continue;
        if (await exists(path.join(revisions, c.digest.slice(7), "link"))) continue;
        const p = [
          { label: tags.length ? `${repo}:${tags[0]}` : `${repo}@index`, digest: `sha256:${hex}`, mediaType: null },
          { label: "child", digest: c.digest, mediaType: null },
        ];
        findings.push({
          kind: "missing-revision-link",
          repo,
          tags,
          digest: c.digest,
          path: p,
          httpStatus: null,
          code: "REVISION_LINK_MISSING",
          diagnosis: diagnose("missing-revision-link", p, null, null),
        });
      }
    }
  }
  return { findings, repos: repos.length };
}
