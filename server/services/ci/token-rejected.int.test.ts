import { describe, expect, it } from "vitest";
import { setupLabConfig as labConfig } from "@/test/lab-config";
import { runAction } from "@/server/actions/run";
import { getDb } from "@/server/store/db";
import { rebuildImageDef, runRebuildImage } from "./action-defs";

process.env.WOODPECKER_REVOKED_TOKEN = "revoked-token";
labConfig((c) => {
  (c.ci as { woodpecker: Record<string, unknown> }).woodpecker.tokenEnv = "WOODPECKER_REVOKED_TOKEN";
});

describe("a rejected CI token", () => {
  it("gives a clear error, closes the audit entry, holds no lock and records no rebuild", async () => {
    const oscar = { kind: "actor" as const, actor: { id: "oscar", name: "Oscar", email: null, role: "operator" as const } };
    const res = await runAction(rebuildImageDef, runRebuildImage, oscar, { registry: "lab", repo: "infra-ci", tag: "latest" });
    expect(res).toMatchObject({ ok: false, code: "ci_unauthorized" });
    expect(!res.ok && res.message).toMatch(/Woodpecker refused the panel's token \(401\)/);
    expect(!res.ok && res.message).not.toContain("revoked-token");
    const db = await getDb();
    const audit = await db.selectFrom("audit_log").select(["phase", "error_code"]).where("run_id", "=", res.runId!).orderBy("id").execute();
    expect(audit).toEqual([
      { phase: "start", error_code: null },
      { phase: "error", error_code: "ci_unauthorized" },
    ]);
    expect(await db.selectFrom("locks").select("key").where("key", "like", "ci/%").execute()).toEqual([]);
    expect(await db.selectFrom("ci_rebuilds").select("id").execute()).toEqual([]);
  });
});
