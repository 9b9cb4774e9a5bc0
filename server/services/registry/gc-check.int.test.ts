import { afterAll, describe, expect, it } from "vitest";
import { setupLabConfig as labConfig } from "@/test/lab-config";
import { closeRegistryPools } from "@/server/clients/registry";
import { checkGcDryRun, lastGcCheck } from "./gc-check";
import { openFindings } from "./read-model";
import { runRegistryProbe } from "./run-probe";

const lab = labConfig();
const reg = lab.services.registry as { gcUnsafe: { repo: string; digest: string; tags: string[] }[] };
const gcFindings = async () => (await openFindings("lab")).filter((f) => f.kind === "gc-unsafe");
const key = (f: { repo: string; digest: string | null; tags: string[] }) => `${f.repo}@${f.digest} ${[...f.tags].sort().join(",")}`;

afterAll(() => closeRegistryPools());

describe("GC pre-flight against the lab's real garbage-collect --dry-run output", () => {
  it("after a walk, every manifest below a live tagged index that GC would delete is a 'do not run GC' finding", async () => {
    await runRegistryProbe("lab", "test");
    const gc = await lastGcCheck("lab");
    expect(gc?.source).toBe("file");
    const found = await gcFindings();
    expect(found.map(key).sort()).toEqual(reg.gcUnsafe.map(key).sort());
    expect(gc?.unsafe).toBe(reg.gcUnsafe.length);
    const amd = found.find((f) => f.repo === "multi-00" && f.path[1]!.label === "linux/amd64 child")!;
    expect(amd.diagnosis).toMatch(/^multi-00:(latest|v1) → linux\/amd64 child sha256:[0-9a-f]{12}…: do not run GC/);
  });

  it("a pasted dry run replaces the findings of the last check; a safe one clears them", async () => {
    const one = reg.gcUnsafe.find((g) => g.repo === "list-00")!;
    const pasted = await checkGcDryRun("lab", {
      text: `list-00\nlist-00: marking manifest sha256:${"0".repeat(64)} \nmanifest eligible for deletion: ${one.digest}\n`,
      trigger: "test",
    });
    expect(pasted).toMatchObject({ source: "pasted", eligible: 1, unsafe: 1 });
    expect((await gcFindings()).map(key)).toEqual([key(one)]);
    const safe = await checkGcDryRun("lab", {
      text: "svc-000\n1 blobs marked, 0 blobs and 0 manifests eligible for deletion\n",
      trigger: "test",
    });
    expect(safe.unsafe).toBe(0);
    expect(await gcFindings()).toEqual([]);
  });
});
