import { diagnose } from "@/lib/registry/diagnose";
import type { RawFinding } from "./walk-types";

/** `garbage-collect --dry-run` output → manifests it would delete, by repo. */
export function parseGcDryRun(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  let repo: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^time="[^"]*" level=\w+ msg="(.*)".*$/, "$1").trim();
    if (!line) continue;
    const marking = /^([a-z0-9][a-z0-9._\/-]*): marking (?:manifest|blob) /.exec(line);
    const eligible = /^manifest eligible for deletion: (sha256:[a-f0-9]{64})/.exec(line);
    if (eligible && repo) {
      if (!out.has(repo)) out.set(repo, new Set());
      out.get(repo)!.add(eligible[1]!);
    } else if (marking) repo = marking[1]!;
    else if (/^[a-z0-9][a-z0-9._\/-]*$/.test(line)) repo = line;
  }
  return out;
}

export interface LiveIndex {
  repo: string;
  tag: string;
  digest: string;
  children: { digest: string; label: string }[];
}

/** Children of live tagged indexes that GC would delete: each is a "do not run GC" finding. */
export function findGcUnsafe(text: string, live: LiveIndex[]): RawFinding[] {
  const eligible = parseGcDryRun(text);
  const byKey = new Map<string, RawFinding>();
  for (const idx of live) {
    const doomed = eligible.get(idx.repo);
    if (!doomed) continue;
    for (const child of idx.children) {
      if (!doomed.has(child.digest)) continue;
      const key = `${idx.repo}@${child.digest}`;
      const existing = byKey.get(key);
      if (existing) {
        if (!existing.tags.includes(idx.tag)) existing.tags.push(idx.tag);
        continue;
      }
      const path = [
        { label: `${idx.repo}:${idx.tag}`, digest: idx.digest, mediaType: null },
        { label: child.label, digest: child.digest, mediaType: null },
      ];
      byKey.set(key, {
        kind: "gc-unsafe",
        repo: idx.repo,
        tags: [idx.tag],
        digest: child.digest,
        path,
        httpStatus: null,
        code: "GC_ELIGIBLE",
        diagnosis: diagnose("gc-unsafe", path, null, null),
      });
    }
  }
  return [...byKey.values()];
}
