import type { Image } from "./image-gen";

export interface PushTarget {
  /** e.g. http://127.0.0.1:41010 */
  url: string;
  /** A full Authorization header value ("Basic …"), or undefined for anonymous. */
  authorization?: string;
}

async function call(
  target: PushTarget,
  method: string,
  pathOrUrl: string,
  body?: Buffer,
  headers: Record<string, string> = {},
): Promise<Response> {
  const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${target.url}${pathOrUrl}`;
  const res = await fetch(url, {
    method,
    body: body ? new Uint8Array(body) : undefined,
    headers: { ...headers, ...(target.authorization ? { authorization: target.authorization } : {}) },
    signal: AbortSignal.timeout(15_000),
  });
  if (method === "HEAD") return res;
  await res.arrayBuffer();
  return res;
}

async function pushBlob(target: PushTarget, repo: string, digest: string, bytes: Buffer, force: boolean): Promise<void> {
  if (!force) {
    const head = await call(target, "HEAD", `/v2/${repo}/blobs/${digest}`);
    if (head.status === 200) return;
  }
  const start = await call(target, "POST", `/v2/${repo}/blobs/uploads/`);
  const location = start.headers.get("location");
  if (start.status !== 202 || !location) throw new Error(`upload start for ${repo} answered ${start.status}`);
  const abs = new URL(location, target.url);
  abs.searchParams.set("digest", digest);
  const put = await call(target, "PUT", abs.toString(), bytes, { "content-type": "application/octet-stream" });
  if (put.status !== 201) throw new Error(`blob PUT ${repo}@${digest.slice(0, 19)} answered ${put.status}`);
}

export async function putManifest(target: PushTarget, repo: string, ref: string, mediaType: string, bytes: Buffer): Promise<void> {
  const res = await call(target, "PUT", `/v2/${repo}/manifests/${ref}`, bytes, { "content-type": mediaType });
  if (res.status !== 201) throw new Error(`manifest PUT ${repo}:${ref} answered ${res.status}`);
}

/**
 * Pushes an image the way a client does: blobs, then child manifests by digest, then the
 * top manifest under each tag. Blobs that the repo already has are skipped (HEAD 200), so
 * pushing again over a damaged image re-uploads what is missing and heals it. `force` uploads
 * every blob even when HEAD says 200 (a hollow blob HEADs 200 from the registry's cache).
 */
export async function pushImage(target: PushTarget, repo: string, tags: string[], image: Image, force = false): Promise<void> {
  for (const b of image.blobs) await pushBlob(target, repo, b.digest, b.bytes, force);
  for (const m of image.manifests) if (m !== image.top) await putManifest(target, repo, m.digest, m.mediaType, m.bytes);
  for (const tag of tags) await putManifest(target, repo, tag, image.top.mediaType, image.top.bytes);
}
