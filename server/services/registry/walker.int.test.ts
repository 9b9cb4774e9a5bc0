import { afterAll, describe, expect, it } from "vitest";
import { readLab } from "@/test/lab";
import { closeRegistryPools, RegistryClient } from "@/server/clients/registry";
import { walkRegistry } from "./walker";
import { scanStorage } from "./storage-scan";

const lab = readLab();
const reg = lab.services.registry as {
  url: string;
  tokenUrl: string;
  mirrorUrl: string;
  user: string;
  passwordEnv: string;
  storageRoot: string;
  repos: number;
  broken: { kind: string; repo: string; tag: string; digest: string }[];
  storage: {
    danglingLayerLinks: { repo: string; digest: string }[];
    missingRevisionLinks: { repo: string; index: string; child: string }[];
  };
  mirrorNotCached: { repo: string; tag: string; digest: string }[];
};
const password = lab.env[reg.passwordEnv]!;
const client = (url = reg.url, pass = password, connections = 8) =>
  new RegistryClient({ url, username: reg.user, password: pass, connections });
const key = (f: { kind: string; repo: string; tag?: string; tags?: string[]; digest: string | null }) =>
  `${f.kind} ${f.repo}:${f.tag ?? f.tags!.join(",")} ${f.digest}`;

afterAll(() => closeRegistryPools());

describe("walker against the seeded lab registry", () => {
  it("fast mode finds exactly the seeded broken references (all but the hollow blob) and flags no healthy image", async () => {
    const r = await walkRegistry(client(), 8, { registry: "lab", mode: "fast" });
    const expected = reg.broken
      .filter((b) => b.kind !== "hollow-blob")
      .map(key)
      .sort();
    expect(r.findings.map(key).sort()).toEqual(expected);
    const brokenImages = new Set(reg.broken.filter((b) => b.kind !== "hollow-blob").map((b) => `${b.repo}:${b.tag}`));
    expect(
      r.tags
        .filter((t) => t.status !== "intact")
        .map((t) => `${t.repo}:${t.tag}`)
        .sort(),
    ).toEqual([...brokenImages].sort());
    expect(r.counts.repos).toBe(reg.repos);
    expect(r.counts.foreignSkipped).toBe(1);
    expect(r.catalogAccessible).toBe(true);
  });

  it("deep mode also finds the hollow blob that HEADs 200", async () => {
    const r = await walkRegistry(client(), 8, { registry: "lab", mode: "deep" });
    expect(r.findings.map(key).sort()).toEqual(reg.broken.map(key).sort());
    const hollow = r.findings.find((f) => f.kind === "hollow-blob")!;
    expect(hollow.diagnosis).toContain("hollow-layer:1.4");
  });

  it("names the orphaned infra-ci child in words on-call can act on", async () => {
    const r = await walkRegistry(client(), 8, { registry: "lab", mode: "fast", images: [{ repo: "infra-ci", tag: "latest" }] });
    const amd = r.findings.find((f) => f.path.some((p) => p.label === "linux/amd64 child"))!;
    expect(amd.diagnosis).toMatch(
      /^infra-ci:latest → linux\/amd64 child sha256:[0-9a-f]{12}… returns 404 MANIFEST_UNKNOWN: orphaned index child — rebuild the image; do not delete the index$/,
    );
  });

  it("paginates the catalog with n= and the Link header", async () => {
    const c = client();
    const small = await c.catalog(7);
    const big = await c.catalog(1000);
    expect(small.ok && big.ok).toBe(true);
    if (!small.ok || !big.ok) return;
    expect(small.pages).toBeGreaterThan(20);
    expect(small.items).toEqual(big.items);
    expect(small.items).toHaveLength(reg.repos);
    const tags = await c.tags("many-tags-a", 7);
    expect(tags.ok && tags.items.length).toBe(60);
  });

  it("wrong Basic credentials are 'unauthorized', not broken", async () => {
    const r = await walkRegistry(client(reg.url, "wrong-password"), 4, { registry: "lab", mode: "fast" });
    expect(r.status).toBe("could-not-run");
    expect(r.findings.map((f) => f.kind)).toEqual(["unauthorized"]);
    expect(r.tags).toHaveLength(0);
  });

  it("the storage scan finds dangling layer links and missing revision links, read-only", async () => {
    const { findings } = await scanStorage(reg.storageRoot);
    const dangling = findings
      .filter((f) => f.kind === "dangling-layer-link")
      .map((f) => `${f.repo}@${f.digest}`)
      .sort();
    expect(dangling).toEqual(reg.storage.danglingLayerLinks.map((d) => `${d.repo}@${d.digest}`).sort());
    const missing = findings
      .filter((f) => f.kind === "missing-revision-link")
      .map((f) => `${f.repo}@${f.path[0]!.digest}>${f.digest}`)
      .sort();
    expect(missing).toEqual(reg.storage.missingRevisionLinks.map((m) => `${m.repo}@${m.index}>${m.child}`).sort());
  });

  it("a mirror's partially cached image is 'not cached', never broken", async () => {
    const r = await walkRegistry(new RegistryClient({ url: reg.mirrorUrl }), 4, { registry: "lab-mirror", mode: "fast", mirror: true });
    expect(r.findings).toEqual([]);
    expect(r.status).toBe("ok");
    expect(r.notCached.map((n) => `${n.repo}:${n.tag} ${n.digest}`).sort()).toEqual(
      reg.mirrorNotCached.map((n) => `${n.repo}:${n.tag} ${n.digest}`).sort(),
    );
    expect(r.tags.find((t) => t.repo === "mirror-full")?.status).toBe("intact");
  });
});
