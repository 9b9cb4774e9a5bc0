import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MEDIA } from "@/lib/registry/media-types";
import { parseManifest } from "./parse-manifest";

const d = (c: string) => `sha256:${c.repeat(64)}`;

describe("parseManifest", () => {
  it("never throws on arbitrary JSON and always returns a known kind", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.option(fc.constantFrom(...Object.values(MEDIA), "text/plain")), (v, ct) => {
        const r = parseManifest(JSON.stringify(v), ct);
        expect(["index", "image", "malformed"]).toContain(r.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string(), (s) => void expect(parseManifest(s, null).kind).toBe("malformed")),
      { numRuns: 500 },
    );
  });

  it("never throws on manifest-shaped objects with arbitrary fields", () => {
    const desc = fc.record(
      {
        mediaType: fc.oneof(fc.string(), fc.constant(MEDIA.ociManifest)),
        digest: fc.oneof(fc.string(), fc.constant(d("a"))),
        size: fc.oneof(fc.integer(), fc.double(), fc.string()),
      },
      { requiredKeys: [] },
    );
    const doc = fc.record(
      {
        schemaVersion: fc.oneof(fc.constant(2), fc.integer()),
        mediaType: fc.constantFrom(...Object.values(MEDIA)),
        manifests: fc.array(desc),
        config: desc,
        layers: fc.array(desc),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, (v) => void parseManifest(JSON.stringify(v), null)),
      { numRuns: 2000 },
    );
  });

  it("reads an OCI index with platforms and attestation manifests", () => {
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.ociIndex,
      manifests: [
        { mediaType: MEDIA.ociManifest, digest: d("a"), size: 10, platform: { os: "linux", architecture: "arm64", variant: "v8" } },
        {
          mediaType: MEDIA.ociManifest,
          digest: d("b"),
          size: 11,
          platform: { os: "unknown", architecture: "unknown" },
          annotations: { "vnd.docker.reference.type": "attestation-manifest" },
        },
      ],
    });
    const r = parseManifest(body, MEDIA.ociIndex);
    expect(r).toMatchObject({ kind: "index", children: [{ platform: "linux/arm64/v8", attestation: false }, { attestation: true }] });
  });

  it("calls unknown media types, bad digests and schema 1 malformed", () => {
    expect(parseManifest(JSON.stringify({ schemaVersion: 2, mediaType: "application/x-thing" }), null).kind).toBe("malformed");
    expect(parseManifest(JSON.stringify({ schemaVersion: 1, fsLayers: [] }), null).kind).toBe("malformed");
    const bad = { schemaVersion: 2, mediaType: MEDIA.dockerManifest, config: { digest: "sha256:xyz", size: 1 }, layers: [] };
    expect(parseManifest(JSON.stringify(bad), null)).toMatchObject({ kind: "malformed", reason: "config has no valid digest" });
  });

  it("flags foreign layers so the walker can skip them", () => {
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.dockerManifest,
      config: { mediaType: "application/vnd.docker.container.image.v1+json", digest: d("c"), size: 3 },
      layers: [{ mediaType: "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip", digest: d("e"), size: 9 }],
    });
    const r = parseManifest(body, null);
    expect(r.kind === "image" && r.layers[0]!.foreign).toBe(true);
  });
});
