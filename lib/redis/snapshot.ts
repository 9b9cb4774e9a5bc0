import { z } from "zod";

export const ProcessStatus = z.enum(["ok", "down", "timeout", "auth-failed", "parse-error", "error"]);
export type ProcessStatus = z.infer<typeof ProcessStatus>;

export const Addr = z.object({ host: z.string(), port: z.number() });
export type Addr = z.infer<typeof Addr>;

export const ReplicaLink = z.object({
  host: z.string(),
  port: z.number(),
  nodeId: z.string().nullable(),
  state: z.string(),
  offset: z.number(),
  lagSec: z.number().nullable(),
  lagBytes: z.number().nullable(),
});
export type ReplicaLink = z.infer<typeof ReplicaLink>;

export const NodeState = z.object({
  id: z.string(),
  label: z.string(),
  host: z.string(),
  port: z.number(),
  status: ProcessStatus,
  error: z.string().nullable(),
  latencyMs: z.number().nullable(),
  role: z.enum(["master", "replica"]).nullable(),
  version: z.string().nullable(),
  runId: z.string().nullable(),
  uptimeSec: z.number().nullable(),
  master: z
    .object({ host: z.string(), port: z.number(), nodeId: z.string().nullable(), linkStatus: z.string(), syncInProgress: z.boolean() })
    .nullable(),
  replOffset: z.number().nullable(),
  replicas: z.array(ReplicaLink),
  keyspace: z.array(z.object({ db: z.number(), keys: z.number(), expires: z.number() })),
  memory: z.object({ usedBytes: z.number().nullable(), maxBytes: z.number().nullable(), policy: z.string().nullable() }),
  config: z.record(z.string(), z.string().nullable()),
  info: z.record(z.string(), z.record(z.string(), z.string())),
});
export type NodeState = z.infer<typeof NodeState>;

export const SentinelPeerState = z.object({
  host: z.string(),
  port: z.number(),
  flags: z.array(z.string()),
  runId: z.string().nullable(),
  linkStatus: z.string().nullable(),
});

export const SentinelState = z.object({
  id: z.string(),
  label: z.string(),
  host: z.string(),
  port: z.number(),
  status: ProcessStatus,
  error: z.string().nullable(),
  latencyMs: z.number().nullable(),
  version: z.string().nullable(),
  /** GET-MASTER-ADDR-BY-NAME and the node it matches (null when it matches none of this cluster). */
  masterAddr: Addr.nullable(),
  masterNodeId: z.string().nullable(),
  masterFlags: z.array(z.string()),
  quorum: z.number().nullable(),
  numOtherSentinels: z.number().nullable(),
  replicas: z.array(SentinelPeerState),
  sentinels: z.array(SentinelPeerState),
  ckquorum: z.object({ ok: z.boolean(), message: z.string() }).nullable(),
  resolveHostnames: z.boolean().nullable(),
  announceHostnames: z.boolean().nullable(),
});
export type SentinelState = z.infer<typeof SentinelState>;

export const HaproxyServer = z.object({
  name: z.string(),
  addr: z.string(),
  port: z.number().nullable(),
  nodeId: z.string().nullable(),
  status: z.string(),
  checkStatus: z.string(),
  checkDesc: z.string(),
  sessions: z.number().nullable(),
  lastChangeSec: z.number().nullable(),
});
export type HaproxyServer = z.infer<typeof HaproxyServer>;

export const HaproxyState = z.object({
  name: z.string(),
  backend: z.string(),
  status: z.enum(["ok", "partial", "down"]),
  errors: z.array(z.string()),
  servers: z.array(HaproxyServer),
  route: z.object({ ok: z.boolean(), nodeId: z.string().nullable(), runId: z.string().nullable(), error: z.string().nullable() }),
  check: z.object({ expectsMaster: z.boolean(), requiresReplica: z.boolean(), fall: z.number(), lines: z.array(z.string()) }).nullable(),
});
export type HaproxyState = z.infer<typeof HaproxyState>;

export const Severity = z.enum(["critical", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  id: z.string(),
  kind: z.string(),
  severity: Severity,
  title: z.string(),
  explanation: z.string(),
  remedy: z.string(),
  subjects: z.array(z.string()),
});
export type Finding = z.infer<typeof Finding>;

export const ClusterSnapshot = z.object({
  name: z.string(),
  masterName: z.string(),
  nodes: z.array(NodeState),
  sentinels: z.array(SentinelState),
  haproxy: HaproxyState.nullable(),
  findings: z.array(Finding),
});
export type ClusterSnapshot = z.infer<typeof ClusterSnapshot>;

export const Snapshot = z.object({
  id: z.string(),
  takenAt: z.string(),
  durationMs: z.number(),
  deadlineMs: z.number(),
  clusters: z.array(ClusterSnapshot),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const RoleEvent = z.object({
  id: z.number(),
  cluster: z.string(),
  at: z.string(),
  kind: z.enum(["role", "failover", "down", "up", "route"]),
  subject: z.string(),
  detail: z.string(),
});
export type RoleEvent = z.infer<typeof RoleEvent>;

export const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

export const RedisTopology = z.object({ snapshot: Snapshot, events: z.array(RoleEvent), intervalMs: z.number() });
export type RedisTopology = z.infer<typeof RedisTopology>;
