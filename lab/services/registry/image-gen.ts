import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

export const MT = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociConfig: "application/vnd.oci.image.config.v1+json",
  ociLayer: "application/vnd.oci.image.layer.v1.tar+gzip",
  dockerList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json",
  dockerLayer: "application/vnd.docker.image.rootfs.diff.tar.gzip",
  dockerForeign: "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
  inToto: "application/vnd.in-toto+json",
} as const;

export interface Blob {
  digest: string;
  size: number;
  bytes: Buffer;
}
export interface ManifestDoc {
  digest: string;
  mediaType: string;
  bytes: Buffer;
  /** "linux/amd64", "attestation", "index" … */
  role: string;
}
export interface Image {
  blobs: Blob[];
  /** Children first; the last entry is the one that gets the tag. */
  manifests: ManifestDoc[];
  top: ManifestDoc;
}

export const sha256 = (b: Buffer | string) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
export const toBlob = (bytes: Buffer): Blob => ({ digest: sha256(bytes), size: bytes.length, bytes });

function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  const put = (s: string, off: number, len: number) => h.write(s.slice(0, len), off, "ascii");
  put(name, 0, 100);
  put("0000644\0", 100, 8);
  put("0000000\0", 108, 8);
  put("0000000\0", 116, 8);
  put(size.toString(8).padStart(11, "0") + "\0", 124, 12);
  put("00000000000\0", 136, 12);
  put("        ", 148, 8);
  put("0", 156, 1);
  put("ustar\0", 257, 6);
  put("00", 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, "0") + "\0 ", 148, 8);
  return h;
}

/** A real, reproducible tar.gz layer holding one file. Returns the blob and its diff_id. */
export function makeLayer(fileName: string, content: string): { blob: Blob; diffId: string } {
  const data = Buffer.from(content);
  const pad = Buffer.alloc((512 - (data.length % 512)) % 512);
  const tar = Buffer.concat([tarHeader(fileName, data.length), data, pad, Buffer.alloc(1024)]);
  return { blob: toBlob(gzipSync(tar, { level: 6 })), diffId: sha256(tar) };
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}
export const AMD64: Platform = { os: "linux", architecture: "amd64" };
export const ARM64: Platform = { os: "linux", architecture: "arm64", variant: "v8" };

export interface SingleOpts {
  seed: string;
  format: "oci" | "docker";
  platform?: Platform;
  /** Extra layers shared with other images (e.g. a base layer). */
  shared?: { blob: Blob; diffId: string }[];
  foreignLayer?: boolean;
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

export function makeSingle(opts: SingleOpts): Image {
  const platform = opts.platform ?? AMD64;
  const own = makeLayer(`app/${opts.seed}.txt`, `seed=${opts.seed} arch=${platform.architecture}\n`);
  const layers = [...(opts.shared ?? []), own];
  const config = toBlob(
    json({
      architecture: platform.architecture,
      os: platform.os,
      ...(platform.variant ? { variant: platform.variant } : {}),
      config: { Env: ["PATH=/usr/bin"], Labels: { seed: opts.seed } },
      rootfs: { type: "layers", diff_ids: layers.map((l) => l.diffId) },
    }),
  );
  const oci = opts.format === "oci";
  const layerDescs: Record<string, unknown>[] = layers.map((l) => ({
    mediaType: oci ? MT.ociLayer : MT.dockerLayer,
    digest: l.blob.digest,
    size: l.blob.size,
  }));
  if (opts.foreignLayer) {
    const d = sha256(`foreign-${opts.seed}`);
    layerDescs.unshift({ mediaType: MT.dockerForeign, digest: d, size: 1024, urls: [`https://foreign.example.invalid/${d}`] });
  }
  const mediaType = oci ? MT.ociManifest : MT.dockerManifest;
  const bytes = json({
    schemaVersion: 2,
    mediaType,
    config: { mediaType: oci ? MT.ociConfig : MT.dockerConfig, digest: config.digest, size: config.size },
    layers: layerDescs,
  });
  const top: ManifestDoc = { digest: sha256(bytes), mediaType, bytes, role: `${platform.os}/${platform.architecture}` };
  return { blobs: [config, ...layers.map((l) => l.blob)], manifests: [top], top };
}

/** An attestation manifest the way buildx writes it (in-toto layer, platform unknown/unknown). */
function makeAttestation(seed: string, subject: string): Image {
  const statement = toBlob(json({ _type: "https://in-toto.io/Statement/v0.1", subject: [{ digest: { sha256: subject.slice(7) } }], seed }));
  const config = toBlob(
    json({ architecture: "unknown", os: "unknown", config: {}, rootfs: { type: "layers", diff_ids: [statement.digest] } }),
  );
  const bytes = json({
    schemaVersion: 2,
    mediaType: MT.ociManifest,
    config: { mediaType: MT.ociConfig, digest: config.digest, size: config.size },
    layers: [
      {
        mediaType: MT.inToto,
        digest: statement.digest,
        size: statement.size,
        annotations: { "in-toto.io/predicate-type": "https://slsa.dev/provenance/v0.2" },
      },
    ],
  });
  const top: ManifestDoc = { digest: sha256(bytes), mediaType: MT.ociManifest, bytes, role: "attestation" };
  return { blobs: [config, statement], manifests: [top], top };
}

export interface MultiOpts {
  seed: string;
  format: "oci" | "docker";
  platforms?: Platform[];
  attest?: boolean;
  shared?: { blob: Blob; diffId: string }[];
}

/** A multi-arch OCI index (optionally with attestation manifests) or a Docker manifest list. */
export function makeMulti(opts: MultiOpts): Image {
  const platforms = opts.platforms ?? [AMD64, ARM64];
  const parts: Image[] = [];
  const entries: Record<string, unknown>[] = [];
  for (const p of platforms) {
    const img = makeSingle({ seed: `${opts.seed}-${p.architecture}`, format: opts.format, platform: p, shared: opts.shared });
    parts.push(img);
    entries.push({ mediaType: img.top.mediaType, digest: img.top.digest, size: img.top.bytes.length, platform: p });
  }
  if (opts.attest && opts.format === "oci") {
    for (const [i, p] of platforms.entries()) {
      const att = makeAttestation(`${opts.seed}-${p.architecture}`, parts[i]!.top.digest);
      parts.push(att);
      entries.push({
        mediaType: MT.ociManifest,
        digest: att.top.digest,
        size: att.top.bytes.length,
        platform: { os: "unknown", architecture: "unknown" },
        annotations: { "vnd.docker.reference.type": "attestation-manifest", "vnd.docker.reference.digest": parts[i]!.top.digest },
      });
    }
  }
  const mediaType = opts.format === "oci" ? MT.ociIndex : MT.dockerList;
  const bytes = json({ schemaVersion: 2, mediaType, manifests: entries });
  const top: ManifestDoc = { digest: sha256(bytes), mediaType, bytes, role: "index" };
  const blobs = new Map<string, Blob>();
  for (const p of parts) for (const b of p.blobs) blobs.set(b.digest, b);
  return { blobs: [...blobs.values()], manifests: [...parts.flatMap((p) => p.manifests), top], top };
}

/** An index whose child is itself an index (nesting is legal and walkers must follow it). */
export function makeNested(seed: string): Image {
  const inner = makeMulti({ seed: `${seed}-inner`, format: "oci" });
  const single = makeSingle({ seed: `${seed}-s390x`, format: "oci", platform: { os: "linux", architecture: "s390x" } });
  const bytes = json({
    schemaVersion: 2,
    mediaType: MT.ociIndex,
    manifests: [
      { mediaType: MT.ociIndex, digest: inner.top.digest, size: inner.top.bytes.length },
      {
        mediaType: single.top.mediaType,
        digest: single.top.digest,
        size: single.top.bytes.length,
        platform: { os: "linux", architecture: "s390x" },
      },
    ],
  });
  const top: ManifestDoc = { digest: sha256(bytes), mediaType: MT.ociIndex, bytes, role: "index" };
  return { blobs: [...inner.blobs, ...single.blobs], manifests: [...inner.manifests, ...single.manifests, top], top };
}
