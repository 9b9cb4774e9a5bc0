import { afterAll, describe, expect, it } from "vitest";
import { Registry } from "prom-client";
import { fault, eventually } from "@/test/lab";
import { setupLabConfig as labConfig } from "@/test/lab-config";
import { closeRegistryPools, RegistryClient } from "@/server/clients/registry";
import { walkRegistry } from "./walker";
import { runRegistryProbe } from "./run-probe";
import { registryOverview } from "./read-model";
import { collectRegistryMetrics } from "./metrics";
import { verifyImage } from "./verify-image";

const lab = labConfig();
const reg = lab.services.registry as { tokenUrl: string; url: string; user: string; passwordEnv: string; tokenRepos: number };
const password = lab.env[reg.passwordEnv]!;

afterAll(async () => {
  await fault("registry/token-lifetime", "heal");
  await closeRegistryPools();
});

async function gauges(): Promise<string> {
  const r = new Registry();
  await collectRegistryMetrics(r);
  return r.metrics();
}

describe("Bearer token auth", () => {
  it("walks the token-auth registry with tokens cached per scope", async () => {
    const client = new RegistryClient({ url: reg.tokenUrl, username: reg.user, password, connections: 8 });
    const r = await walkRegistry(client, 8, { registry: "lab-token", mode: "fast" });
    expect(r.findings).toEqual([]);
    expect(r.counts.repos).toBe(reg.tokenRepos);
    // one token for the catalog + one per repository scope; none fetched twice
    expect(client.auth.tokenFetches).toBe(reg.tokenRepos + 1);
  });

  it.each([
    ["when the client knows the expiry (expires_in)", {}],
    ["when the registry rejects a token the client still thought valid (401 → renew)", { announced: 300 }],
  ])("renews tokens that expire between the requests of one client, %s", async (_what, extra) => {
    await fault("registry/token-lifetime", "inject", { seconds: 1, ...extra });
    const client = new RegistryClient({ url: reg.tokenUrl, username: reg.user, password, connections: 2 });
    const first = await walkRegistry(client, 2, { registry: "lab-token", mode: "fast" });
    expect(first.findings).toEqual([]);
    // Wait for the registry itself to refuse a token this client holds (no fixed sleep).
    const held = await client.auth.headerFor("registry:catalog:*");
    expect(held.ok).toBe(true);
    const authorization = held.ok ? (held.value ?? "") : "";
    await eventually(
      async () => (await fetch(`${reg.tokenUrl}/v2/_catalog`, { headers: { authorization } })).status === 401,
      10_000,
      "the token to expire",
    );
    const fetchedBefore = client.auth.tokenFetches;
    const second = await walkRegistry(client, 2, { registry: "lab-token", mode: "deep" });
    expect(second.findings).toEqual([]);
    expect(second.tags.every((t) => t.status === "intact")).toBe(true);
    expect(client.auth.tokenFetches).toBeGreaterThan(fetchedBefore);
  });

  it("wrong credentials at the token server are 'unauthorized'", async () => {
    const client = new RegistryClient({ url: reg.tokenUrl, username: reg.user, password: "nope", connections: 2 });
    const r = await walkRegistry(client, 2, { registry: "lab-token", mode: "fast" });
    expect(r.status).toBe("could-not-run");
    expect(r.findings.map((f) => f.kind)).toEqual(["unauthorized"]);
  });
});

describe("probe runs, stored results and metrics", () => {
  it("stores a failed run with every seeded incident and exports the old gauges", async () => {
    const run = await runRegistryProbe("lab", "test");
    expect(run.status).toBe("failed");
    const o = await registryOverview("lab");
    expect(o.stale).toBe(false);
    expect(o.catalogAccessible).toBe(true);
    expect(o.findings[0]!.kind).toBe("orphaned-child");
    expect(new Set(o.findings.filter((f) => f.kind !== "gc-unsafe").map((f) => f.repo))).toEqual(
      new Set(["infra-ci", "cleanup-victim", "missing-config", "missing-layer", "hollow-layer"]),
    );
    const text = await gauges();
    const inst = `instance="127.0.0.1:${new URL(reg.url).port}"`;
    expect(text).toContain(`registry_manifest_integrity_failures{${inst}} 5`);
    expect(text).toContain(`registry_manifest_integrity_catalog_accessible{${inst}} 1`);
    for (const g of ["repos_checked", "tags_checked", "indexes_checked", "last_run_timestamp", "blobs_checked"])
      expect(text).toContain(`registry_manifest_integrity_${g}{${inst}}`);
    expect(text).toContain(`registry_manifest_integrity_repo_failures{${inst},repo="infra-ci"} 2`);
    expect(text).not.toMatch(/sha256/);
  });

  it("registry stopped → catalog inaccessible, the last good result stays", async () => {
    await fault("registry/stop", "inject");
    try {
      const run = await runRegistryProbe("lab", "test");
      expect(run.status).toBe("could-not-run");
      expect(run.summary.reason).toMatch(/^catalog inaccessible/);
      const o = await registryOverview("lab");
      expect(o.catalogAccessible).toBe(false);
      expect(o.lastWalk?.status).toBe("failed");
      expect(o.findings.length).toBeGreaterThan(0);
      const text = await gauges();
      expect(text).toMatch(/registry_manifest_integrity_catalog_accessible\{instance="[^"]+"\} 0/);
      expect(text).toMatch(/registry_manifest_integrity_failures\{instance="[^"]+"\} 5/);
      const v = await verifyImage({ registry: "lab", repo: "infra-ci", tag: "latest", mode: "deep", trigger: "test" });
      expect(v.status).toBe("could-not-check");
    } finally {
      await fault("registry/stop", "heal");
    }
    await eventually(async () => (await runRegistryProbe("lab", "test")).summary.catalogAccessible, 30_000, "catalog back");
  });

  it("a mirror probe never raises the failure gauge for not-cached platforms", async () => {
    const run = await runRegistryProbe("lab-mirror", "test");
    expect(run.status).toBe("ok");
    expect(run.summary.failures).toBe(0);
    expect(run.summary.notCached.length).toBe(3);
    const o = await registryOverview("lab-mirror");
    expect(o.findings).toEqual([]);
    expect(o.cacheHitRate).not.toBeNull();
  });

  it("verifyImage resolves the image's findings after a rebuild, and they come back when it breaks again", async () => {
    const before = await verifyImage({ registry: "lab", repo: "infra-ci", tag: "latest", mode: "deep", trigger: "test" });
    expect(before.status).toBe("broken");
    expect(before.findings.filter((f) => f.kind === "orphaned-child")).toHaveLength(4);
    await fault("registry/repair-image", "inject", { repo: "infra-ci", tag: "latest" });
    try {
      const after = await verifyImage({ registry: "lab", repo: "infra-ci", tag: "latest", mode: "deep", trigger: "test" });
      expect(after.status).toBe("intact");
      expect(after.findings).toEqual([]);
      const o = await registryOverview("lab");
      expect(o.findings.some((f) => f.repo === "infra-ci" && f.tags.includes("latest") && f.kind === "orphaned-child")).toBe(false);
    } finally {
      await fault("registry/repair-image", "heal");
    }
    const again = await verifyImage({ registry: "lab", repo: "infra-ci", tag: "latest", mode: "fast", trigger: "test" });
    expect(again.status).toBe("broken");
  });
});
