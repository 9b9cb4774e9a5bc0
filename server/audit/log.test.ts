import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempConfig } from "@/test/temp-config";
import { getDb } from "../store/db";
import { appendAudit, verifyAudit } from "./log";

const run = promisify(execFile);
const entry = (i: number) => ({
  actor: "ada",
  actorName: "Ada Admin",
  role: "admin",
  action: "test.write",
  resource: `r/${i}`,
  phase: "ok" as const,
  runId: `run-${i}`,
  params: { i },
});

async function auditVerifyCli(sqlite: string) {
  try {
    const { stdout } = await run("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts", sqlite], { cwd: process.cwd() });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, out: e.stderr };
  }
}

describe("audit log", () => {
  let sqlite: string;
  beforeAll(async () => {
    sqlite = useTempConfig().sqlite;
    const db = await getDb();
    for (let i = 1; i <= 5; i++) await appendAudit(db, entry(i));
  });

  it("verifies an untouched chain", async () => {
    expect(await verifyAudit(await getDb())).toEqual({ entries: 5, problems: [] });
    const cli = await auditVerifyCli(sqlite);
    expect(cli.code).toBe(0);
    expect(cli.out).toContain("5 entries verified");
  });

  it("detects a changed entry, and the CLI exits 1 naming it", async () => {
    const db = await getDb();
    await sql`update audit_log set resource = 'r/forged' where id = 3`.execute(db);
    expect((await verifyAudit(db)).problems).toEqual(["entry 3 was changed after it was written"]);
    const cli = await auditVerifyCli(sqlite);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain("entry 3 was changed");
    await sql`update audit_log set resource = 'r/3' where id = 3`.execute(db);
    expect((await verifyAudit(db)).problems).toEqual([]);
  });

  it("detects a deleted entry in the middle and at the end", async () => {
    const db = await getDb();
    await sql`delete from audit_log where id = 2`.execute(db);
    expect((await verifyAudit(db)).problems).toEqual(expect.arrayContaining(["entry 2 is missing (deleted)"]));
    await sql`delete from audit_log where id = 5`.execute(db);
    expect((await verifyAudit(db)).problems.join("\n")).toContain("cut off the end");
  });
});
