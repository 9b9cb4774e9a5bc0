import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findGcUnsafe, parseGcDryRun } from "./gc-preflight";

const d = (c: string) => `sha256:${c.repeat(64)}`;
const sample = [
  "infra-ci",
  `manifest eligible for deletion: ${d("a")}`,
  `infra-ci: marking manifest ${d("1")} `,
  `infra-ci: marking blob ${d("2")}`,
  `manifest eligible for deletion: ${d("b")}`,
  "svc-000",
  `svc-000: marking manifest ${d("3")} `,
  `manifest eligible for deletion: ${d("c")}`,
  `blob eligible for deletion: ${d("4")}`,
].join("\n");

describe("GC pre-flight", () => {
  it("attributes eligible manifests to the repo section they appear in", () => {
    const m = parseGcDryRun(sample);
    expect([...m.get("infra-ci")!]).toEqual([d("a"), d("b")]);
    expect([...m.get("svc-000")!]).toEqual([d("c")]);
  });

  it("flags only children of live tagged indexes", () => {
    const live = [
      {
        repo: "infra-ci",
        tag: "latest",
        digest: d("1"),
        children: [
          { digest: d("a"), label: "linux/amd64 child" },
          { digest: d("9"), label: "linux/arm64 child" },
        ],
      },
    ];
    const out = findGcUnsafe(sample, live);
    expect(out.map((f) => [f.repo, f.digest, f.tags])).toEqual([["infra-ci", d("a"), ["latest"]]]);
    expect(out[0]!.diagnosis).toContain("do not run GC");
  });

  it("never throws on arbitrary input", () => {
    fc.assert(fc.property(fc.string(), (s) => void parseGcDryRun(s)));
  });
});
