import type { Generated } from "kysely";

export interface AuditLogTable {
  id: Generated<number>;
  ts: string;
  actor: string;
  actor_name: string;
  role: string;
  action: string;
  resource: string;
  /** start | denied | rejected | locked | ok | error */
  phase: string;
  run_id: string;
  params: string;
  result: string | null;
  error_code: string | null;
  duration_ms: number | null;
  prev_hash: string;
  hash: string;
}

export interface ActionRunTable {
  id: string;
  action: string;
  resource: string;
  actor: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  result: string | null;
  error_code: string | null;
  duration_ms: number | null;
}

export interface LockTable {
  key: string;
  holder: string;
  holder_name: string;
  run_id: string;
  acquired_at: string;
  expires_at: string;
  token: number;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface ProbeRunTable {
  id: string;
  kind: string;
  target: string;
  started_at: string;
  finished_at: string | null;
  /** running | ok | failed | could-not-run */
  status: string;
  trigger: string;
  summary: string | null;
  error: string | null;
}

export interface FoundationTables {
  audit_log: AuditLogTable;
  action_runs: ActionRunTable;
  locks: LockTable;
  counters: CounterTable;
  probe_runs: ProbeRunTable;
}
