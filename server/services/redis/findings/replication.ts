import { compareVersions, parseVersion } from "@/server/clients/redis-parse/version";
import type { NodeState } from "@/lib/redis/snapshot";
import { finding, names, nodeById, okNodes, type Rule } from "./context";

const replicasWithMaster = (cs: Parameters<Rule>[0]) =>
  okNodes(cs)
    .filter((n) => n.role === "replica")
    .map((r) => ({ r, m: nodeById(cs, r.master?.nodeId ?? null) }))
    .filter((x): x is { r: NodeState; m: NodeState } => x.m !== undefined && x.m.status === "ok");

export const replicaOlder: Rule = (cs) => {
  const older = replicasWithMaster(cs).filter(({ r, m }) => {
    const a = parseVersion(r.version);
    const b = parseVersion(m.version);
    return a && b && compareVersions(a.slice(0, 2), b.slice(0, 2)) < 0;
  });
  if (older.length === 0) return [];
  return [
    finding(cs, {
      kind: "replica-older",
      severity: "critical",
      title: "A replica runs an older Redis than its master",
      explanation: `${older.map(({ r, m }) => `${r.label} runs ${r.version}, its master ${m.label} runs ${m.version}`).join("; ")}. A newer master writes a newer RDB format; on the next full sync the replica rejects it ("Can't handle RDB format version …") and never catches up — the 7.4 replica under an 8.x master.`,
      remedy:
        "Upgrade the replicas to the master's version (or newer) before any resync, failover or cutover; never make an older node replicate from a newer one.",
      subjects: older.flatMap(({ r, m }) => [r.id, m.id]),
    }),
  ];
};

export const replicationLink: Rule = (cs, { section }) => {
  const down = okNodes(cs).filter((n) => n.role === "replica" && n.master && n.master.linkStatus !== "up");
  const lagging = okNodes(cs).flatMap((m) =>
    m.role !== "master"
      ? []
      : m.replicas
          .filter((x) => (x.lagBytes ?? 0) > section.lagThresholdBytes || (x.lagSec ?? 0) > section.lagThresholdSeconds)
          .map((x) => ({ m, x })),
  );
  if (down.length === 0 && lagging.length === 0) return [];
  const parts = [
    ...down.map((n) => `${n.label}: link to ${n.master!.host}:${n.master!.port} is ${n.master!.linkStatus}`),
    ...lagging.map(({ m, x }) => `${x.host}:${x.port} is ${x.lagBytes ?? "?"} bytes / ${x.lagSec ?? "?"} s behind ${m.label}`),
  ];
  return [
    finding(cs, {
      kind: "replication",
      severity: down.length ? "critical" : "warning",
      title: down.length ? "Replication link down" : "Replication lag over the threshold",
      explanation: `${parts.join("; ")}. A replica that is not in sync serves stale reads and loses data if it is promoted.`,
      remedy:
        "Check the replica's log for the sync error, that it can reach its master, and that it replicates from the right address (REPLICAOF <master> then CONFIG REWRITE). Do not fail over to it until the offsets match.",
      subjects: [...down.map((n) => n.id), ...lagging.map(({ x, m }) => x.nodeId ?? m.id)],
    }),
  ];
};

export const maxmemoryPolicy: Rule = (cs) => {
  const differ = replicasWithMaster(cs).filter(({ r, m }) => r.memory.policy && m.memory.policy && r.memory.policy !== m.memory.policy);
  if (differ.length === 0) return [];
  return [
    finding(cs, {
      kind: "maxmemory-policy",
      severity: "warning",
      title: "maxmemory-policy differs between master and replicas",
      explanation: `${differ.map(({ r, m }) => `${r.label}: ${r.memory.policy}, master ${m.label}: ${m.memory.policy}`).join("; ")}. After a failover the new master evicts (or refuses writes) differently, e.g. BullMQ/Celery queues need noeviction.`,
      remedy: `Set the same policy on every node (CONFIG SET maxmemory-policy … then CONFIG REWRITE, and in the chart/config): ${names(differ.map((d) => d.r))}.`,
      subjects: differ.flatMap(({ r, m }) => [r.id, m.id]),
    }),
  ];
};
