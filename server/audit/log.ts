import "server-only";
import type { Db } from "../store/db";
import { nowIso } from "../store/db";
import { GENESIS, hashAuditEntry, redactParams, type AuditFields } from "./hash";

export interface AuditInput {
  actor: string;
  actorName: string;
  role: string;
  action: string;
  resource: string;
  phase: "start" | "ok" | "error" | "denied" | "rejected" | "locked";
  runId: string;
  params: unknown;
  result?: unknown;
  errorCode?: string | null;
  durationMs?: number | null;
}

const HEAD = "audit_head";

/** Appends one hash-chained entry. There is deliberately no update or delete path. */
export async function appendAudit(db: Db, input: AuditInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom("audit_log").select(["id", "hash"]).orderBy("id", "desc").limit(1).executeTakeFirst();
    const fields: AuditFields = {
      id: (last?.id ?? 0) + 1,
      ts: nowIso(),
      actor: input.actor,
      actor_name: input.actorName,
      role: input.role,
      action: input.action,
      resource: input.resource,
      phase: input.phase,
      run_id: input.runId,
      params: JSON.stringify(redactParams(input.params) ?? null),
      result: input.result === undefined ? null : JSON.stringify(redactParams(input.result)),
      error_code: input.errorCode ?? null,
      duration_ms: input.durationMs ?? null,
    };
    const prev = last?.hash ?? GENESIS;
    await trx
      .insertInto("audit_log")
      .values({ ...fields, prev_hash: prev, hash: hashAuditEntry(prev, fields) })
      .execute();
    // The head counter lets verification notice entries cut off the end of the chain.
    await trx
      .insertInto("counters")
      .values({ name: HEAD, value: fields.id })
      .onConflict((oc) => oc.column("name").doUpdateSet({ value: fields.id }))
      .execute();
    return fields.id;
  });
}

export interface VerifyReport {
  entries: number;
  problems: string[];
}

/** Walks the whole chain: a changed, inserted or deleted entry breaks it. */
export async function verifyAudit(db: Db): Promise<VerifyReport> {
  const problems: string[] = [];
  let prevHash = GENESIS;
  let expectedId = 1;
  let entries = 0;
  const pageSize = 1000;
  for (let after = 0; ;) {
    const rows = await db.selectFrom("audit_log").selectAll().where("id", ">", after).orderBy("id").limit(pageSize).execute();
    for (const row of rows) {
      entries++;
      if (row.id !== expectedId)
        problems.push(`entry ${expectedId}${row.id > expectedId + 1 ? `–${row.id - 1}` : ""} is missing (deleted)`);
      if (row.prev_hash !== prevHash)
        problems.push(`entry ${row.id} does not follow the entry before it (an entry before it was changed or removed)`);
      const { prev_hash: _p, hash, ...fields } = row;
      if (hashAuditEntry(row.prev_hash, fields) !== hash) problems.push(`entry ${row.id} was changed after it was written`);
      prevHash = hash;
      expectedId = row.id + 1;
      after = row.id;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom("counters").select("value").where("name", "=", HEAD).executeTakeFirst();
  if (head && head.value !== expectedId - 1)
    problems.push(`the log ends at entry ${expectedId - 1} but ${head.value} entries were written (entries were cut off the end)`);
  return { entries, problems };
}
