/** Rebuilds started from the panel (migration 005-ci). */
export interface CiRebuildTable {
  /** The action's run id. */
  id: string;
  registry: string;
  repo: string;
  tag: string;
  /** As configured: "owner/name" or the numeric id. */
  ci_repo: string;
  repo_id: number;
  branch: string;
  /** JSON: the exact body sent to POST /api/repos/{id}/pipelines. */
  request_body: string;
  /** JSON string[]: the other workflows a manual event is known to run. */
  also_runs: string;
  pipeline_number: number | null;
  pipeline_url: string | null;
  /** Woodpecker's pipeline status as last seen. */
  state: string | null;
  /** watching | fixed | still-broken | not-verified | pipeline-failed | canceled | nothing-ran | gave-up | watch-failed */
  outcome: string;
  message: string | null;
  actor: string;
  actor_name: string;
  actor_role: string;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  /** intact | broken | could-not-check, from the deep verification after a successful pipeline. */
  verify_status: string | null;
  verify_run_id: string | null;
  /** JSON {findings: number, reason: string | null} */
  verify_summary: string | null;
}

export interface CiTables {
  ci_rebuilds: CiRebuildTable;
}
