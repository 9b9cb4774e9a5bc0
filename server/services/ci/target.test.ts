import { describe, expect, it } from "vitest";
import { parseConfig } from "@/server/config/load";
import { buildTriggerBody, findRebuildTarget, leaseKey, pipelineUrl } from "./target";

const env = { SECRET: "s", WOODPECKER_TOKEN: "t" };
const yaml = `
auth: { issuer: https://auth.example.test/application/o/switchboard, clientId: switchboard, clientSecretEnv: SECRET }
ci:
  woodpecker: { url: https://ci.example.test, tokenEnv: WOODPECKER_TOKEN, watchFor: 20m }
registries:
  - name: private
    url: https://registry.example.test:5050
    rebuild:
      infra-ci: { ciRepo: ViktorBarzin/infra, variables: { REBUILD_IMAGE: infra-ci }, alsoRuns: [pve-nfs-exports-sync] }
      "infra-ci:docker-latest": { ciRepo: 7, branch: docker }
`;

function load() {
  const r = parseConfig(yaml, env);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.config;
}

describe("rebuild targets", () => {
  it("parses the ci section and the per-image rebuild map with its defaults", () => {
    const c = load();
    expect(c.ci?.woodpecker).toMatchObject({ url: "https://ci.example.test", timeout: 10_000, watchFor: 20 * 60_000, pollEvery: 2000 });
    expect(findRebuildTarget(c, "private", "infra-ci", "latest")).toEqual({
      ciRepo: "ViktorBarzin/infra",
      branch: "master",
      variables: { REBUILD_IMAGE: "infra-ci" },
      alsoRuns: ["pve-nfs-exports-sync"],
    });
  });

  it("prefers an exact repo:tag entry, and has none for unknown images or registries", () => {
    const c = load();
    expect(findRebuildTarget(c, "private", "infra-ci", "docker-latest")?.ciRepo).toBe(7);
    expect(findRebuildTarget(c, "private", "other", "latest")).toBeNull();
    expect(findRebuildTarget(c, "nope", "infra-ci", "latest")).toBeNull();
  });

  it("refuses a CI repo that is neither owner/name nor a numeric id, naming the key", () => {
    const r = parseConfig(yaml.replace("ciRepo: ViktorBarzin/infra", "ciRepo: infra"), env);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toContain("registries[0].rebuild.infra-ci.ciRepo: expected owner/name");
  });

  it("builds exactly the body Woodpecker gets, and keys the lease by repo id and branch", () => {
    const t = findRebuildTarget(load(), "private", "infra-ci", "latest")!;
    expect(buildTriggerBody(t, { registry: "private", repo: "infra-ci", tag: "latest" }, "Oscar")).toEqual({
      branch: "master",
      variables: { REBUILD_IMAGE: "infra-ci" },
      message: "Switchboard: rebuild private/infra-ci:latest (requested by Oscar)",
    });
    expect(leaseKey(1, "master")).toBe("ci/repo-1/master");
    expect(pipelineUrl("https://ci.example.test/", 1, 42)).toBe("https://ci.example.test/repos/1/pipeline/42");
  });
});
