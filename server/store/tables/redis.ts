import type { Generated } from "kysely";

/** Snapshot history (INFO sections stripped): written when the topology changes, else once a minute. */
export interface RedisSnapshotTable {
  id: string;
  taken_at: string;
  duration_ms: number;
  /** JSON of lib/redis/snapshot Snapshot. */
  body: string;
  critical: number;
  warning: number;
}

/** Role changes, failovers, nodes going down/up, HAProxy route changes. */
export interface RedisEventTable {
  id: Generated<number>;
  cluster: string;
  at: string;
  kind: string;
  subject: string;
  detail: string;
}

/** The newest snapshot, always overwritten (metrics and a restarted panel read it). */
export interface RedisLatestTable {
  id: string;
  taken_at: string;
  body: string;
}

export interface RedisTables {
  redis_latest: RedisLatestTable;
  redis_snapshots: RedisSnapshotTable;
  redis_events: RedisEventTable;
}
