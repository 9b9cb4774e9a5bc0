import "server-only";
import { createHash } from "node:crypto";
import type { Failure, ManifestResponse, RegistryClient } from "@/server/clients/registry";
import type { PathStep, TreeNode } from "@/lib/registry/finding";
import { isIndexType } from "@/lib/registry/media-types";
import { parseManifest, type Descriptor } from "./parse-manifest";
import type { Issue, NodeOutcome, WalkMode } from "./walk-types";

type Limit = <T>(task: () => Promise<T>) => Promise<T>;

const node = (p: Partial<TreeNode> & Pick<TreeNode, "label" | "role">): TreeNode => ({
  digest: null,
  mediaType: null,
  size: null,
  platform: null,
  status: "ok",
  code: null,
  httpStatus: null,
  children: [],
  ...p,
});

const step = (label: string, digest: string | null, mediaType: string | null): PathStep => ({ label, digest, mediaType });

function issueFrom(kind: Issue["kind"], f: Failure, digest: string | null, path: PathStep[]): Issue {
  return { kind, digest, path, httpStatus: f.status, code: f.code };
}

function manifestKind(f: Failure, mirror: boolean): Issue["kind"] {
  if (mirror) return "not-cached";
  if (f.code === "UNAUTHORIZED" || f.code === "DENIED") return "unauthorized";
  if (f.code === "TOO_LARGE") return "malformed";
  return f.status === 404 ? "orphaned-child" : "registry-error";
}

function blobKind(f: Failure, role: "config" | "layer", mirror: boolean): Issue["kind"] {
  if (mirror) return "not-cached";
  if (f.code === "UNAUTHORIZED" || f.code === "DENIED") return "unauthorized";
  if (f.code === "BODY_TRUNCATED" || f.code === "SIZE_MISMATCH" || f.code === "DIGEST_MISMATCH") return "hollow-blob";
  if (f.status === 404) return role === "config" ? "missing-config" : "missing-layer";
  return "registry-error";
}

/** Checks manifests and blobs of one walk; each (repo, digest) is fetched once, shared nodes reuse the answer. */
export class NodeChecker {
  readonly manifests = new Map<string, Promise<NodeOutcome>>();
  readonly blobs = new Map<string, Promise<Issue | null>>();
  indexes = 0;
  foreign: { repo: string; digest: string }[] = [];
  scheduled = 0;

  constructor(
    private readonly client: RegistryClient,
    private readonly limit: Limit,
    private readonly mode: WalkMode,
    private readonly mirror: boolean,
    private readonly maxDepth: number,
    private readonly random: () => number,
    private readonly sampleShare: number,
    private readonly signal?: AbortSignal,
  ) {}

  private run<T>(task: () => Promise<T>): Promise<T> {
    this.scheduled++;
    return this.limit(task);
  }

  /** The tag's manifest is already fetched; analyse it (memoised by digest). */
  analyse(repo: string, label: string, res: ManifestResponse, depth: number, ancestors: string[]): Promise<NodeOutcome> {
    const digest = res.digest ?? `sha256:${createHash("sha256").update(res.body).digest("hex")}`;
    const key = `${repo}@${digest}`;
    let p = this.manifests.get(key);
    if (!p) {
      p = this.analyseBody(repo, label, digest, res, depth, [...ancestors, digest]);
      this.manifests.set(key, p);
    }
    return p;
  }

  private async analyseBody(
    repo: string,
    label: string,
    digest: string,
    res: ManifestResponse,
    depth: number,
    ancestors: string[],
  ): Promise<NodeOutcome> {
    const parsed = parseManifest(res.body, res.mediaType || null);
    const here = step(label, digest, parsed.kind === "malformed" ? res.mediaType : parsed.mediaType);
    if (parsed.kind === "malformed") {
      return {
        tree: node({ label, role: "image", digest, mediaType: res.mediaType, size: res.size, status: "broken", code: "MALFORMED" }),
        issues: [{ kind: "malformed", digest, path: [here], httpStatus: 200, code: parsed.reason }],
      };
    }
    if (parsed.kind === "index") {
      this.indexes++;
      const kids = await Promise.all(parsed.children.map((c) => this.checkChild(repo, c, depth + 1, ancestors)));
      const tree = node({ label, role: "index", digest, mediaType: parsed.mediaType, size: res.size, children: kids.map((k) => k.tree) });
      const issues = kids.flatMap((k) => k.issues.map((i) => ({ ...i, path: [here, ...i.path] })));
      tree.status = issues.some((i) => i.kind !== "not-cached") ? "broken" : issues.length ? "not-cached" : "ok";
      return { tree, issues };
    }
    const blobs = [
      { d: parsed.config, role: "config" as const, label: "config" },
      ...parsed.layers.map((d, i) => ({ d, role: "layer" as const, label: `layer ${i + 1}` })),
    ];
    const results = await Promise.all(blobs.map((b) => this.checkBlob(repo, b.d, b.role, b.label)));
    const children = blobs.map((b, i) => {
      const issue = results[i];
      const status: TreeNode["status"] = b.d.foreign ? "skipped" : !issue ? "ok" : issue.kind === "not-cached" ? "not-cached" : "broken";
      return node({
        label: b.label,
        role: b.d.foreign ? "foreign-layer" : b.role,
        digest: b.d.digest,
        mediaType: b.d.mediaType,
        size: b.d.size,
        status,
        code: issue?.code ?? null,
        httpStatus: issue?.httpStatus ?? null,
      });
    });
    const issues = results.filter((r): r is Issue => r !== null).map((i) => ({ ...i, path: [here, ...i.path] }));
    const status = issues.some((i) => i.kind !== "not-cached") ? "broken" : issues.length ? "not-cached" : "ok";
    return { tree: node({ label, role: "image", digest, mediaType: parsed.mediaType, size: res.size, status, children }), issues };
  }

  private childLabel(c: Descriptor): string {
    return c.attestation
      ? `attestation${c.platform && c.platform !== "unknown/unknown" ? ` ${c.platform}` : ""}`
      : c.platform
        ? `${c.platform} child`
        : "child";
  }

  private checkChild(repo: string, c: Descriptor, depth: number, ancestors: string[]): Promise<NodeOutcome> {
    const label = this.childLabel(c);
    const here = step(label, c.digest, c.mediaType || null);
    const bad = (reason: string): NodeOutcome => ({
      tree: node({
        label,
        role: "image",
        digest: c.digest,
        mediaType: c.mediaType,
        size: c.size,
        platform: c.platform,
        status: "broken",
        code: "MALFORMED",
      }),
      issues: [{ kind: "malformed", digest: c.digest, path: [here], httpStatus: null, code: reason }],
    });
    if (ancestors.includes(c.digest)) return Promise.resolve(bad("the index refers to itself (cycle)"));
    if (depth > this.maxDepth) return Promise.resolve(bad(`indexes nested deeper than ${this.maxDepth}`));
    const key = `${repo}@${c.digest}`;
    const memo = this.manifests.get(key);
    if (memo)
      return memo.then((o) => ({
        tree: { ...o.tree, label, platform: c.platform },
        issues: o.issues.map((i) => ({ ...i, path: [here, ...i.path.slice(1)] })),
      }));
    const p = this.fetchChild(repo, c, label, here, depth, ancestors);
    this.manifests.set(key, p);
    return p;
  }

  private async fetchChild(
    repo: string,
    c: Descriptor,
    label: string,
    here: PathStep,
    depth: number,
    ancestors: string[],
  ): Promise<NodeOutcome> {
    if (this.mirror) {
      const head = await this.run(() => this.client.headManifest(repo, c.digest, this.signal));
      if (head.ok)
        return {
          tree: node({
            label,
            role: isIndexType(c.mediaType) ? "index" : "image",
            digest: c.digest,
            mediaType: c.mediaType,
            size: c.size,
            platform: c.platform,
            status: "unchecked",
          }),
          issues: [],
        };
      return {
        tree: node({
          label,
          role: "image",
          digest: c.digest,
          mediaType: c.mediaType,
          size: c.size,
          platform: c.platform,
          status: "not-cached",
          code: head.code,
          httpStatus: head.status,
        }),
        issues: [issueFrom("not-cached", head, c.digest, [here])],
      };
    }
    const res = await this.run(() => this.client.getManifest(repo, c.digest, this.signal));
    if (!res.ok) {
      const kind = manifestKind(res, false);
      return {
        tree: node({
          label,
          role: "image",
          digest: c.digest,
          mediaType: c.mediaType,
          size: c.size,
          platform: c.platform,
          status: kind === "registry-error" || kind === "unauthorized" ? "error" : "broken",
          code: res.code,
          httpStatus: res.status,
        }),
        issues: [issueFrom(kind, res, c.digest, [here])],
      };
    }
    const out = await this.analyseBody(repo, label, c.digest, res, depth, [...ancestors, c.digest]);
    return { tree: { ...out.tree, platform: c.platform }, issues: out.issues };
  }

  private checkBlob(repo: string, d: Descriptor, role: "config" | "layer", label: string): Promise<Issue | null> {
    if (d.foreign) {
      this.foreign.push({ repo, digest: d.digest });
      return Promise.resolve(null);
    }
    const key = `${repo}@${d.digest}`;
    let p = this.blobs.get(key);
    if (!p) {
      const deep = this.mode === "deep" || (this.mode === "sample" && this.random() < this.sampleShare);
      p = this.run(() =>
        deep && !this.mirror
          ? this.client.verifyBlob(repo, d.digest, d.size, this.signal)
          : this.client.headBlob(repo, d.digest, this.signal),
      ).then((r) => (r.ok ? null : issueFrom(blobKind(r, role, this.mirror), r, d.digest, [])));
      this.blobs.set(key, p);
    }
    return p.then((i) => (i ? { ...i, path: [step(label, d.digest, d.mediaType || null)] } : null));
  }
}
