/** Tables owned by the registry area (added by migration 006-registry). */
export interface RegistryFindingTable {
  /** registry|kind|repo|digest-or-path, hashed. */
  id: string;
  registry: string;
  kind: string;
  repo: string;
  digest: string | null;
  /** JSON string[] */
  tags: string;
  /** JSON PathStep[] */
  path: string;
  http_status: number | null;
  code: string | null;
  diagnosis: string;
  first_seen: string;
  last_seen: string;
  resolved_at: string | null;
  last_run_id: string;
}

export interface RegistryTagTable {
  registry: string;
  repo: string;
  tag: string;
  digest: string | null;
  media_type: string | null;
  /** intact | broken | not-cached | could-not-check */
  status: string;
  /** JSON TreeNode | null */
  tree: string | null;
  checked_at: string;
  run_id: string;
}

export interface RegistryTables {
  registry_findings: RegistryFindingTable;
  registry_tags: RegistryTagTable;
}
