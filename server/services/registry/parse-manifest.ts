import { isForeignLayer, MEDIA } from "@/lib/registry/media-types";

export interface Descriptor {
  digest: string;
  mediaType: string;
  size: number;
  platform: string | null;
  attestation: boolean;
  foreign: boolean;
}

export type ParsedManifest =
  | { kind: "index"; mediaType: string; children: Descriptor[] }
  | { kind: "image"; mediaType: string; config: Descriptor; layers: Descriptor[] }
  | { kind: "malformed"; reason: string };

const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const KNOWN = new Set<string>(Object.values(MEDIA));
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function platformOf(v: unknown): string | null {
  if (!isObj(v) || typeof v.os !== "string" || typeof v.architecture !== "string") return null;
  return `${v.os}/${v.architecture}${typeof v.variant === "string" && v.variant ? `/${v.variant}` : ""}`;
}

function descriptor(v: unknown, where: string): Descriptor | string {
  if (!isObj(v)) return `${where} is not an object`;
  if (typeof v.digest !== "string" || !DIGEST.test(v.digest)) return `${where} has no valid digest`;
  if (typeof v.size !== "number" || !Number.isSafeInteger(v.size) || v.size < 0) return `${where} has no valid size`;
  const mediaType = typeof v.mediaType === "string" ? v.mediaType : "";
  const annotations = isObj(v.annotations) ? v.annotations : {};
  return {
    digest: v.digest,
    mediaType,
    size: v.size,
    platform: platformOf(v.platform),
    attestation: annotations["vnd.docker.reference.type"] === "attestation-manifest",
    foreign: isForeignLayer(mediaType),
  };
}

/** Parses manifest bytes into what a walker follows. Never throws: anything odd is "malformed" with a reason. */
export function parseManifest(body: string, contentType: string | null): ParsedManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return { kind: "malformed", reason: "the manifest is not valid JSON" };
  }
  if (!isObj(doc)) return { kind: "malformed", reason: "the manifest is not a JSON object" };
  if (doc.schemaVersion !== 2)
    return { kind: "malformed", reason: `unsupported schemaVersion ${JSON.stringify(doc.schemaVersion ?? null)?.slice(0, 20)}` };
  const declared = typeof doc.mediaType === "string" ? doc.mediaType : null;
  const mediaType =
    declared ?? (contentType && KNOWN.has(contentType) ? contentType : Array.isArray(doc.manifests) ? MEDIA.ociIndex : MEDIA.ociManifest);
  if (!KNOWN.has(mediaType)) return { kind: "malformed", reason: `unknown media type ${mediaType.slice(0, 80)}` };
  if (mediaType === MEDIA.ociIndex || mediaType === MEDIA.dockerList) {
    if (!Array.isArray(doc.manifests)) return { kind: "malformed", reason: "the index has no manifests list" };
    const children: Descriptor[] = [];
    for (const [i, m] of doc.manifests.entries()) {
      const d = descriptor(m, `manifests[${i}]`);
      if (typeof d === "string") return { kind: "malformed", reason: d };
      if (d.mediaType && !KNOWN.has(d.mediaType))
        return { kind: "malformed", reason: `manifests[${i}] has unknown media type ${d.mediaType.slice(0, 80)}` };
      children.push(d);
    }
    return { kind: "index", mediaType, children };
  }
  const config = descriptor(doc.config, "config");
  if (typeof config === "string") return { kind: "malformed", reason: config };
  if (!Array.isArray(doc.layers)) return { kind: "malformed", reason: "the manifest has no layers list" };
  const layers: Descriptor[] = [];
  for (const [i, l] of doc.layers.entries()) {
    const d = descriptor(l, `layers[${i}]`);
    if (typeof d === "string") return { kind: "malformed", reason: d };
    layers.push(d);
  }
  return { kind: "image", mediaType, config, layers };
}
