import "server-only";
import type { RegistryClient } from "@/server/clients/registry";
import { BROKEN_KINDS, type FindingKind } from "@/lib/registry/finding";
import { diagnose } from "@/lib/registry/diagnose";
import { NodeChecker } from "./check-node";
import { createLimiter, repoFilter } from "./limiter";
import type { Issue, RawFinding, TagResult, WalkOptions, WalkProgress, WalkResult } from "./walk-types";

function imageStatus(issues: Issue[]): TagResult["status"] {
  if (issues.some((i) => (BROKEN_KINDS as readonly string[]).includes(i.kind))) return "broken";
  if (issues.some((i) => i.kind === "unauthorized" || i.kind === "registry-error")) return "could-not-check";
  return issues.length ? "not-cached" : "intact";
}

function uncheckedReason(unchecked: RawFinding[], tags: number, total: number): string {
  const f = unchecked[0]!;
  const what =
    f.kind === "unauthorized"
      ? "the registry refused the probe's credentials"
      : `the registry failed (${f.httpStatus ? `HTTP ${f.httpStatus}` : (f.code ?? "error").toLowerCase()})`;
  return `${what}: ${tags} of ${total} tags could not be checked`;
}

/**
 * Walks every selected tag down to every blob: manifest → index children (attestations and
 * nested indexes too) → config → layers. Never throws for registry answers; the result says
 * what could not be checked and why.
 */
export async function walkRegistry(client: RegistryClient, connections: number, opts: WalkOptions): Promise<WalkResult> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const limit = createLimiter(Math.max(1, connections));
  const pageSize = opts.pageSize ?? 1000;
  const checker = new NodeChecker(
    client,
    limit,
    opts.mode,
    opts.mirror ?? false,
    opts.maxDepth ?? 4,
    opts.random ?? Math.random,
    opts.sampleShare ?? 0.1,
    opts.signal,
  );
  const requests0 = client.requests;
  const progress: WalkProgress = {
    phase: "catalog",
    reposDone: 0,
    reposTotal: 0,
    tagsDone: 0,
    tagsTotal: 0,
    requestsDone: 0,
    requestsKnown: 0,
  };
  const report = () => {
    progress.requestsDone = client.requests - requests0;
    progress.requestsKnown = Math.max(progress.requestsDone, checker.scheduled + progress.reposTotal + progress.tagsTotal);
    opts.onProgress?.({ ...progress });
  };
  const base = { registry: opts.registry, mode: opts.mode, startedAt, notCached: [], foreign: [], changed: [] };
  const empty = { repos: 0, tags: 0, indexes: 0, manifests: 0, blobs: 0, requests: 0, foreignSkipped: 0, notCached: 0 };
  report();

  let plan: { repo: string; tags: string[] | null }[];
  if (opts.images) {
    const byRepo = new Map<string, string[]>();
    for (const i of opts.images) byRepo.set(i.repo, [...(byRepo.get(i.repo) ?? []), i.tag]);
    plan = [...byRepo].map(([repo, tags]) => ({ repo, tags }));
  } else {
    const cat = await client.catalog(pageSize, opts.signal);
    if (!cat.ok) {
      const reason =
        cat.code === "UNAUTHORIZED" || cat.code === "DENIED"
          ? "unauthorized: the registry refused the probe's credentials"
          : `catalog inaccessible: ${cat.status ? `HTTP ${cat.status}, ` : ""}${cat.reason}`;
      const findings: RawFinding[] =
        cat.code === "UNAUTHORIZED" || cat.code === "DENIED"
          ? [
              {
                kind: "unauthorized",
                repo: "",
                tags: [],
                digest: null,
                path: [{ label: "_catalog", digest: null, mediaType: null }],
                httpStatus: cat.status,
                code: cat.code,
                diagnosis: diagnose("unauthorized", [{ label: "_catalog", digest: null, mediaType: null }], cat.status, cat.code),
              },
            ]
          : [];
      return {
        ...base,
        status: "could-not-run",
        catalogAccessible: false,
        reason,
        counts: { ...empty, requests: client.requests - requests0 },
        findings,
        tags: [],
        durationMs: Date.now() - started,
      };
    }
    const keep = repoFilter(opts.include ?? [], opts.exclude ?? []);
    plan = cat.items.filter(keep).map((repo) => ({ repo, tags: null }));
  }
  progress.phase = "walking";
  progress.reposTotal = plan.length;
  report();

  const tagResults: TagResult[] = [];
  const issuesByTag: { repo: string; tag: string; issues: Issue[] }[] = [];
  const changed: string[] = [];
  const repoQueue = [...plan];
  let lastReport = 0;
  const tick = () => {
    if (Date.now() - lastReport > 200) {
      lastReport = Date.now();
      report();
    }
  };

  const walkTag = async (repo: string, tag: string) => {
    const res = await limit(() => client.getManifest(repo, tag, opts.signal));
    const label = `${repo}:${tag}`;
    let issues: Issue[];
    let tree: TagResult["tree"] = null;
    let digest: string | null = null;
    if (!res.ok) {
      if (res.status === 404 && !opts.images) {
        const again = await limit(() => client.tags(repo, pageSize, opts.signal));
        if (again.ok && !again.items.includes(tag)) {
          changed.push(`${label} was removed during the walk`);
          return;
        }
        if (!again.ok && (again.code === "NAME_UNKNOWN" || again.status === 404)) {
          if (!changed.includes(`${repo} was deleted during the walk`)) changed.push(`${repo} was deleted during the walk`);
          return;
        }
      }
      const kind: FindingKind =
        res.code === "UNAUTHORIZED" || res.code === "DENIED" ? "unauthorized" : res.code === "TOO_LARGE" ? "malformed" : "registry-error";
      issues = [
        {
          kind: opts.mirror && kind === "registry-error" ? "not-cached" : kind,
          digest: null,
          path: [{ label, digest: null, mediaType: null }],
          httpStatus: res.status,
          code: res.code,
        },
      ];
    } else {
      const out = await checker.analyse(repo, label, res, 0, []);
      digest = out.tree.digest;
      tree = { ...out.tree, label };
      issues = out.issues.map((i) => ({ ...i, path: [{ ...i.path[0]!, label }, ...i.path.slice(1)] }));
    }
    tagResults.push({ repo, tag, digest, mediaType: tree?.mediaType ?? null, status: imageStatus(issues), tree });
    issuesByTag.push({ repo, tag, issues });
    progress.tagsDone++;
    tick();
  };

  await Promise.all(
    Array.from({ length: Math.max(1, connections) }, async () => {
      for (let item = repoQueue.shift(); item; item = repoQueue.shift()) {
        if (opts.signal?.aborted) return;
        let tags = item.tags;
        if (!tags) {
          const listed = await limit(() => client.tags(item.repo, pageSize, opts.signal));
          if (!listed.ok) {
            if (listed.code === "NAME_UNKNOWN" || listed.status === 404) changed.push(`${item.repo} was deleted during the walk`);
            else
              issuesByTag.push({
                repo: item.repo,
                tag: "",
                issues: [
                  {
                    kind: listed.code === "UNAUTHORIZED" || listed.code === "DENIED" ? "unauthorized" : "registry-error",
                    digest: null,
                    path: [{ label: `${item.repo} tags`, digest: null, mediaType: null }],
                    httpStatus: listed.status,
                    code: listed.code,
                  },
                ],
              });
            progress.reposDone++;
            continue;
          }
          tags = listed.items;
        }
        progress.tagsTotal += tags.length;
        await Promise.all(tags.map((t) => walkTag(item.repo, t)));
        progress.reposDone++;
        tick();
      }
    }),
  );

  const merged = new Map<string, RawFinding>();
  const notCached: WalkResult["notCached"] = [];
  for (const { repo, tag, issues } of issuesByTag) {
    for (const i of issues) {
      if (i.kind === "not-cached") {
        notCached.push({ repo, tag, digest: i.digest, path: i.path });
        continue;
      }
      const key = `${i.kind}|${repo}|${i.digest ?? i.path.map((p) => p.label).join(">")}`;
      const f = merged.get(key);
      if (f) {
        if (tag && !f.tags.includes(tag)) f.tags.push(tag);
      } else
        merged.set(key, {
          kind: i.kind,
          repo,
          tags: tag ? [tag] : [],
          digest: i.digest,
          path: i.path,
          httpStatus: i.httpStatus,
          code: i.code,
          diagnosis: diagnose(i.kind, i.path, i.httpStatus, i.code),
        });
    }
  }
  const findings = [...merged.values()];
  progress.phase = "done";
  report();
  const counts = {
    repos: plan.length,
    tags: tagResults.length,
    indexes: checker.indexes,
    manifests: checker.manifests.size,
    blobs: checker.blobs.size,
    requests: client.requests - requests0,
    foreignSkipped: checker.foreign.length,
    notCached: notCached.length,
  };
  const unchecked = findings.filter((f) => f.kind === "unauthorized" || f.kind === "registry-error");
  const broken = findings.some((f) => (BROKEN_KINDS as readonly string[]).includes(f.kind));
  const uncheckedTags = tagResults.filter((t) => t.status === "could-not-check").length;
  return {
    ...base,
    status: broken ? "failed" : unchecked.length === 0 ? "ok" : uncheckedTags === tagResults.length ? "could-not-run" : "failed",
    catalogAccessible: true,
    reason: unchecked.length ? uncheckedReason(unchecked, uncheckedTags, tagResults.length) : null,
    counts,
    findings,
    tags: tagResults,
    notCached,
    foreign: checker.foreign,
    changed,
    durationMs: Date.now() - started,
  };
}
