import "server-only";
import { createHash } from "node:crypto";
import { MANIFEST_ACCEPT } from "@/lib/registry/media-types";
import { RegistryAuth } from "./registry/auth";
import { describeCode, parseErrorCode, parseNextLink } from "./registry/errors";
import { send, type ReadMode, type Sent } from "./registry/transport";
import { fail, type Failure, type Outcome, type RegistryClientOptions } from "./registry/types";

export type { Failure, Outcome, RegistryClientOptions, RegistryErrorCode } from "./registry/types";
export { closeRegistryPools } from "./registry/transport";

export interface ManifestResponse {
  body: string;
  mediaType: string;
  digest: string | null;
  size: number;
}

const MAX_REDIRECTS = 3;
const repoScope = (repo: string) => `repository:${repo}:pull`;
const CATALOG_SCOPE = "registry:catalog:*";

/** The OCI distribution API of one registry: every call has a timeout and returns a value, never throws for HTTP. */
export class RegistryClient {
  readonly auth: RegistryAuth;
  private readonly base: URL;
  private readonly connections: number;
  private readonly timeoutMs: number;
  private readonly maxManifestBytes: number;
  requests = 0;

  constructor(opts: RegistryClientOptions) {
    this.base = new URL(opts.url.endsWith("/") ? opts.url : `${opts.url}/`);
    this.connections = opts.connections ?? 8;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.maxManifestBytes = opts.maxManifestBytes ?? 4 * 1024 * 1024;
    const creds =
      opts.username !== undefined && opts.password !== undefined ? { username: opts.username, password: opts.password } : undefined;
    this.auth = new RegistryAuth(creds, this.timeoutMs);
  }

  private async exchange(
    scope: string,
    path: string,
    method: "GET" | "HEAD",
    read: ReadMode,
    extra: Record<string, string> = {},
    signal?: AbortSignal,
  ): Promise<Sent> {
    const url = new URL(path.replace(/^\//, ""), this.base);
    for (let attempt = 0; ; attempt++) {
      const auth = await this.auth.headerFor(scope, signal);
      if (!auth.ok) return auth;
      const headers = { ...extra, ...(auth.value ? { authorization: auth.value } : {}) };
      this.requests++;
      let res = await send({ url, method, headers, read, timeoutMs: this.timeoutMs, signal, connections: this.connections });
      for (let hop = 0; res.ok && [301, 302, 303, 307, 308].includes(res.status) && res.headers.location && hop < MAX_REDIRECTS; hop++) {
        const target = new URL(res.headers.location, url);
        const sameOrigin = target.origin === url.origin;
        this.requests++;
        res = await send(
          {
            url: target,
            method,
            headers: sameOrigin ? headers : extra,
            read,
            timeoutMs: this.timeoutMs,
            signal,
            connections: this.connections,
          },
          !sameOrigin,
        );
      }
      if (res.ok && res.status === 401 && attempt === 0 && this.auth.onUnauthorized(res.headers["www-authenticate"], scope)) continue;
      return res;
    }
  }

  private failure(res: Extract<Sent, { ok: true }>): Failure {
    const code = parseErrorCode(res.status, res.text);
    return fail(res.status, code, describeCode(code));
  }

  /** GET /v2/ — reachable and the credentials work. */
  async ping(signal?: AbortSignal): Promise<Outcome<object>> {
    const res = await this.exchange(CATALOG_SCOPE, "/v2/", "GET", { kind: "text", maxBytes: 65_536 }, {}, signal);
    if (!res.ok) return res;
    return res.status === 200 ? { ok: true, status: 200 } : this.failure(res);
  }

  private async paginate(
    scope: string,
    first: string,
    key: "repositories" | "tags",
    signal?: AbortSignal,
  ): Promise<Outcome<{ items: string[]; pages: number }>> {
    const items: string[] = [];
    let next: string | null = first;
    let pages = 0;
    while (next) {
      const res = await this.exchange(scope, next, "GET", { kind: "text", maxBytes: 16 * 1024 * 1024 }, {}, signal);
      if (!res.ok) return res;
      if (res.status !== 200) return this.failure(res);
      pages++;
      try {
        const list = (JSON.parse(res.text) as Record<string, unknown>)[key];
        if (list !== null && list !== undefined && !Array.isArray(list))
          return fail(res.status, "BAD_RESPONSE", `the ${key} list is not an array`);
        for (const v of (list as unknown[] | null) ?? []) if (typeof v === "string") items.push(v);
      } catch {
        return fail(res.status, "BAD_RESPONSE", `the ${key} list is not JSON`);
      }
      const link = parseNextLink(res.headers.link);
      next = link ? new URL(link, this.base).pathname + new URL(link, this.base).search : null;
      if (pages > 100_000) break;
    }
    return { ok: true, status: 200, items: [...new Set(items)], pages };
  }

  /** Every repository, following `Link: <…>; rel="next"` with n=pageSize. */
  catalog(pageSize = 1000, signal?: AbortSignal) {
    return this.paginate(CATALOG_SCOPE, `/v2/_catalog?n=${pageSize}`, "repositories", signal);
  }

  tags(repo: string, pageSize = 1000, signal?: AbortSignal) {
    return this.paginate(repoScope(repo), `/v2/${repo}/tags/list?n=${pageSize}`, "tags", signal);
  }

  async getManifest(repo: string, ref: string, signal?: AbortSignal): Promise<Outcome<ManifestResponse>> {
    const res = await this.exchange(
      repoScope(repo),
      `/v2/${repo}/manifests/${ref}`,
      "GET",
      { kind: "text", maxBytes: this.maxManifestBytes },
      { accept: MANIFEST_ACCEPT },
      signal,
    );
    if (!res.ok) return res;
    if (res.status !== 200) return this.failure(res);
    const mediaType = (res.headers["content-type"] ?? "").split(";")[0]!.trim();
    return { ok: true, status: 200, body: res.text, mediaType, digest: res.headers["docker-content-digest"] ?? null, size: res.bytes };
  }

  async headManifest(
    repo: string,
    ref: string,
    signal?: AbortSignal,
  ): Promise<Outcome<{ digest: string | null; mediaType: string; size: number }>> {
    const res = await this.exchange(
      repoScope(repo),
      `/v2/${repo}/manifests/${ref}`,
      "HEAD",
      { kind: "dump" },
      { accept: MANIFEST_ACCEPT },
      signal,
    );
    if (!res.ok) return res;
    if (res.status !== 200) return fail(res.status, parseErrorCode(res.status, ""), describeCode(parseErrorCode(res.status, "")));
    return {
      ok: true,
      status: 200,
      digest: res.headers["docker-content-digest"] ?? null,
      mediaType: (res.headers["content-type"] ?? "").split(";")[0]!,
      size: Number(res.headers["content-length"] ?? 0),
    };
  }

  /** HEAD a blob; a 404 HEAD still carries a Content-Length (of the error body), so only the status counts. */
  async headBlob(repo: string, digest: string, signal?: AbortSignal): Promise<Outcome<{ size: number }>> {
    const res = await this.exchange(repoScope(repo), `/v2/${repo}/blobs/${digest}`, "HEAD", { kind: "dump" }, {}, signal);
    if (!res.ok) return res;
    if (res.status !== 200) {
      const code = res.status === 404 ? "BLOB_UNKNOWN" : parseErrorCode(res.status, "");
      return fail(res.status, code, describeCode(code));
    }
    return { ok: true, status: 200, size: Number(res.headers["content-length"] ?? 0) };
  }

  /** GET a blob streamed through sha256; checks the size and the digest the bytes really have. */
  async verifyBlob(repo: string, digest: string, expectedSize: number | null, signal?: AbortSignal): Promise<Outcome<{ size: number }>> {
    const hash = createHash("sha256");
    const res = await this.exchange(
      repoScope(repo),
      `/v2/${repo}/blobs/${digest}`,
      "GET",
      { kind: "sink", onChunk: (c) => hash.update(c) },
      {},
      signal,
    );
    if (!res.ok) return res;
    if (res.status !== 200) return this.failure(res);
    const announced = res.headers["content-length"] !== undefined ? Number(res.headers["content-length"]) : null;
    if (announced !== null && res.bytes < announced) return fail(200, "BODY_TRUNCATED", `received ${res.bytes} of ${announced} bytes`);
    if (expectedSize !== null && res.bytes !== expectedSize)
      return fail(200, "SIZE_MISMATCH", `received ${res.bytes} bytes, the manifest says ${expectedSize}`);
    const actual = `sha256:${hash.digest("hex")}`;
    if (digest.startsWith("sha256:") && actual !== digest) return fail(200, "DIGEST_MISMATCH", "the bytes do not match the digest");
    return { ok: true, status: 200, size: res.bytes };
  }
}

/** GET a small JSON document (the mirror's /debug/vars); null on any failure. */
export async function fetchJson(url: string, timeoutMs: number): Promise<unknown> {
  const res = await send(
    {
      url: new URL(url),
      method: "GET",
      headers: { accept: "application/json" },
      read: { kind: "text", maxBytes: 4 * 1024 * 1024 },
      timeoutMs,
      connections: 1,
    },
    true,
  );
  if (!res.ok || res.status !== 200) return null;
  try {
    return JSON.parse(res.text) as unknown;
  } catch {
    return null;
  }
}
