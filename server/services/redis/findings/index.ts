import { SEVERITY_ORDER, type ClusterSnapshot, type Finding } from "@/lib/redis/snapshot";
import type { FindingContext, Rule } from "./context";
import { haproxyRoute, haproxyUpCount, haproxyWeakCheck } from "./haproxy";
import { maxmemoryPolicy, replicaOlder, replicationLink } from "./replication";
import { sentinelIpStorage } from "./sentinel-config";
import { crossCluster, quorum, sentinelMasterNotMaster, sentinelsDisagree, splitBrain, unreachable } from "./topology";

export type { FindingContext } from "./context";

const RULES: Rule[] = [
  splitBrain,
  sentinelsDisagree,
  sentinelMasterNotMaster,
  quorum,
  crossCluster,
  sentinelIpStorage,
  replicaOlder,
  replicationLink,
  haproxyUpCount,
  haproxyRoute,
  haproxyWeakCheck,
  maxmemoryPolicy,
  unreachable,
];

/** Every finding for one cluster, most severe first. */
export function deriveFindings(cs: ClusterSnapshot, ctx: FindingContext): Finding[] {
  return RULES.flatMap((rule) => rule(cs, ctx)).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
