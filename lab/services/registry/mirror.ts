import { existsSync } from "node:fs";
import path from "node:path";
import type { LabContext } from "../../lib/context";
import { waitFor } from "../../lib/wait";
import type { Image } from "./image-gen";
import { MT } from "./image-gen";
import { pushImage } from "./push-image";
import { startRegistry, stopRegistry, writeRegistryConfig, type RegistryInstance } from "./registry-process";
import { mirrorUpstreamPhase } from "./seed-plan";

const ACCEPT = [MT.ociIndex, MT.ociManifest, MT.dockerList, MT.dockerManifest].join(", ");

async function pull(url: string): Promise<void> {
  const res = await fetch(url, { headers: { accept: ACCEPT }, signal: AbortSignal.timeout(10_000) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`pull through the mirror answered ${res.status} for ${url}`);
}

/** The proxy commits a pulled blob to its storage in the background: wait for its link before the upstream goes. */
const layerLink = (root: string, repo: string, digest: string) =>
  path.join(root, "docker/registry/v2/repositories", repo, "_layers/sha256", digest.slice(7), "link");

async function pullPlatform(base: string, root: string, repo: string, tag: string, image: Image, role: string | null): Promise<void> {
  await pull(`${base}/v2/${repo}/manifests/${tag}`);
  const wanted = image.manifests.filter((m) => m !== image.top && (role === null || m.role === role));
  const docs = wanted.length ? wanted : [image.top];
  for (const m of docs) {
    await pull(`${base}/v2/${repo}/manifests/${m.digest}`);
    const parsed = JSON.parse(m.bytes.toString()) as { config: { digest: string }; layers: { digest: string }[] };
    for (const d of [parsed.config.digest, ...parsed.layers.map((l) => l.digest)]) {
      await pull(`${base}/v2/${repo}/blobs/${d}`);
      await waitFor(`mirror cache of ${repo}@${d.slice(0, 19)}`, async () => existsSync(layerLink(root, repo, d)), 10_000);
    }
  }
}

/**
 * A pull-through mirror (`proxy.remoteurl`) in front of a lab registry that holds a multi-arch
 * image. Only linux/amd64 of mirror-demo is pulled through it; then the upstream goes away,
 * so the other platforms are simply not in the mirror's cache.
 */
export async function setUpMirror(
  ctx: LabContext,
): Promise<{ instance: RegistryInstance; metricsUrl: string; notCached: { repo: string; tag: string; digest: string }[] }> {
  const upstream = writeRegistryConfig(ctx, { name: "mirror-upstream", port: ctx.ports.registrySpare, auth: null });
  await startRegistry(ctx, upstream);
  const [demo, full] = mirrorUpstreamPhase();
  for (const e of [demo!, full!]) await pushImage({ url: upstream.url }, e.repo, e.tags, e.image);
  const mirror = writeRegistryConfig(ctx, {
    name: "mirror",
    port: ctx.ports.registryMirror,
    auth: null,
    proxy: { remoteurl: upstream.url },
    debugPort: ctx.ports.registryMirrorDebug,
  });
  await startRegistry(ctx, mirror);
  await pullPlatform(mirror.url, mirror.root, demo!.repo, demo!.tags[0]!, demo!.image, "linux/amd64");
  await pullPlatform(mirror.url, mirror.root, full!.repo, full!.tags[0]!, full!.image, null);
  await stopRegistry(ctx, upstream);
  const notCached = demo!.image.manifests
    .filter((m) => m !== demo!.image.top && m.role !== "linux/amd64")
    .map((m) => ({ repo: demo!.repo, tag: demo!.tags[0]!, digest: m.digest }));
  return { instance: mirror, metricsUrl: `http://127.0.0.1:${ctx.ports.registryMirrorDebug}/debug/vars`, notCached };
}
