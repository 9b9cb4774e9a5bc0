import "server-only";
import type { AuditEntry, AuditFilter, AuditPage } from "@/lib/audit/types";
import type { Selectable } from "kysely";
import type { Db } from "../../store/db";
import type { AuditLogTable } from "../../store/tables/foundation";

type Row = Selectable<AuditLogTable>;

const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  ts: r.ts,
  actor: r.actor,
  actorName: r.actor_name,
  role: r.role,
  action: r.action,
  resource: r.resource,
  result: r.phase,
  runId: r.run_id,
  params: r.params,
  detail: r.result,
  errorCode: r.error_code,
  durationMs: r.duration_ms,
});

/** Newest first, filtered; pages by id (`before`). */
export async function listAudit(db: Db, f: AuditFilter): Promise<AuditPage> {
  let q = db.selectFrom("audit_log").selectAll();
  if (f.user) {
    const pattern = `%${f.user.replace(/[%_\\]/g, "")}%`;
    q = q.where((eb) => eb.or([eb("actor", "like", pattern), eb("actor_name", "like", pattern)]));
  }
  if (f.action) q = q.where("action", "=", f.action);
  if (f.result) q = q.where("phase", "=", f.result);
  if (f.from) q = q.where("ts", ">=", new Date(f.from).toISOString());
  if (f.to) q = q.where("ts", "<=", new Date(f.to).toISOString());
  if (f.before) q = q.where("id", "<", f.before);
  const rows = await q
    .orderBy("id", "desc")
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  const actions = await db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute();
  return {
    entries: page.map(toEntry),
    nextBefore: rows.length > f.limit ? page[page.length - 1]!.id : null,
    actions: actions.map((a) => a.action),
  };
}

const CSV_COLUMNS = [
  "id",
  "ts",
  "actor",
  "actorName",
  "role",
  "action",
  "resource",
  "result",
  "runId",
  "errorCode",
  "durationMs",
  "params",
  "detail",
] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  // Leading =,+,-,@ would be formulas in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditToCsv(entries: AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const e of entries) lines.push(CSV_COLUMNS.map((c) => csvCell(e[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}
