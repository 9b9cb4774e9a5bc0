import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { useTempConfig } from "@/test/temp-config";
import type { Viewer } from "../auth/session";
import { AppError } from "../errors";
import { getDb } from "../store/db";
import { runAction, type ActionDef } from "./run";

const operator: Viewer = { kind: "actor", actor: { id: "oscar", name: "Oscar Operator", email: null, role: "operator" } };
const viewer: Viewer = { kind: "actor", actor: { id: "vera", name: "Vera Viewer", email: null, role: "viewer" } };
const other: Viewer = { kind: "actor", actor: { id: "olga", name: "Olga Other", email: null, role: "admin" } };

const def: ActionDef<z.ZodType<{ target: string; password?: string }>> = {
  name: "test.touch",
  role: "operator",
  risk: "safe",
  input: z.object({ target: z.string().regex(/^[a-z]+$/, "lowercase letters only"), password: z.string().optional() }).strict(),
  resource: (i) => `thing/${i.target}`,
  lockKey: (i) => `thing/${i.target}`,
};

const auditFor = async (action: string) =>
  (await getDb()).selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();

describe("runAction", () => {
  beforeAll(() => {
    useTempConfig();
  });

  it("audits start before running and completion after, with secrets redacted", async () => {
    let sawStart = false;
    const res = await runAction(
      { ...def, name: "test.ok" },
      async () => {
        sawStart = (await auditFor("test.ok")).some((r) => r.phase === "start");
        return { touched: true };
      },
      operator,
      { target: "alpha", password: "hunter2" },
    );
    expect(res).toMatchObject({ ok: true, data: { touched: true } });
    expect(sawStart).toBe(true);
    const rows = await auditFor("test.ok");
    expect(rows.map((r) => r.phase)).toEqual(["start", "ok"]);
    expect(rows[0]!.actor_name).toBe("Oscar Operator");
    expect(rows[0]!.params).not.toContain("hunter2");
    expect(rows[0]!.params).toContain("[redacted]");
    expect(rows[1]!.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it("refuses a role that is too low, runs nothing, and audits the denial", async () => {
    let ran = false;
    const res = await runAction(
      { ...def, name: "test.denied" },
      async () => {
        ran = true;
      },
      viewer,
      { target: "alpha" },
    );
    expect(res).toMatchObject({ ok: false, code: "forbidden" });
    expect(ran).toBe(false);
    expect((await auditFor("test.denied")).map((r) => [r.phase, r.actor])).toEqual([["denied", "vera"]]);
  });

  it("returns field errors for invalid input, runs nothing, and audits the rejection", async () => {
    let ran = false;
    const res = await runAction(
      { ...def, name: "test.invalid" },
      async () => {
        ran = true;
      },
      operator,
      { target: "NOT OK" },
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.fieldErrors?.target).toEqual(["lowercase letters only"]);
    expect(ran).toBe(false);
    expect((await auditFor("test.invalid")).map((r) => r.phase)).toEqual(["rejected"]);
  });

  it("lets exactly one of two concurrent runs on one resource run; the other names the holder", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let runs = 0;
    const slow = runAction(
      { ...def, name: "test.lock" },
      async () => {
        runs++;
        await gate;
        return "first";
      },
      operator,
      { target: "shared" },
    );
    // Wait until the first run holds the lock (its start entry is written after the lock is taken).
    while (!(await auditFor("test.lock")).some((r) => r.phase === "start")) await new Promise((r) => setImmediate(r));
    const second = await runAction(
      { ...def, name: "test.lock" },
      async () => {
        runs++;
        return "second";
      },
      other,
      { target: "shared" },
    );
    release();
    expect(await slow).toMatchObject({ ok: true, data: "first" });
    expect(second).toMatchObject({ ok: false, code: "locked" });
    if (!second.ok) expect(second.message).toMatch(/^Locked by Oscar Operator since \d\d:\d\d UTC\.$/);
    expect(runs).toBe(1);
    const after = await runAction({ ...def, name: "test.lock" }, async () => "third", other, { target: "shared" });
    expect(after).toMatchObject({ ok: true, data: "third" });
  });

  it("still writes the completion entry when the action throws, without leaking the error text", async () => {
    const res = await runAction(
      { ...def, name: "test.throws" },
      async () => {
        throw new Error("ECONNREFUSED 10.0.0.7:6379 password=hunter2");
      },
      operator,
      { target: "beta" },
    );
    expect(res).toMatchObject({ ok: false, code: "internal" });
    if (!res.ok) expect(res.message).not.toMatch(/ECONNREFUSED|hunter2/);
    const rows = await auditFor("test.throws");
    expect(rows.map((r) => [r.phase, r.error_code])).toEqual([
      ["start", null],
      ["error", "internal"],
    ]);
    const db = await getDb();
    expect(await db.selectFrom("locks").selectAll().where("key", "=", "thing/beta").execute()).toEqual([]);
  });

  it("passes an expected failure's own message through", async () => {
    const res = await runAction(
      { ...def, name: "test.expected" },
      async () => {
        throw new AppError("precondition", "The registry has no such image.", 412);
      },
      operator,
      { target: "gamma" },
    );
    expect(res).toMatchObject({ ok: false, code: "precondition", message: "The registry has no such image." });
  });
});
