import "server-only";
import { Gauge, type Registry } from "prom-client";
import { getDb } from "@/server/store/db";
import { sentinelConsensus } from "./findings/context";
import { loadLatest } from "./store";

/** Gauges from the newest stored snapshot (a scrape never collects). */
export async function collectRedisMetrics(registry: Registry): Promise<void> {
  const snap = await loadLatest(await getDb());
  if (!snap) return;
  const g = (name: string, help: string, labelNames: string[]) => new Gauge({ name, help, labelNames, registers: [registry] });
  const masters = g("redis_topology_masters", "Nodes reporting role:master", ["cluster"]);
  const agree = g("redis_topology_sentinels_agree", "1 when every answering sentinel names the same master", ["cluster"]);
  const quorum = g("redis_topology_quorum_ok", "1 when every answering sentinel passes CKQUORUM", ["cluster"]);
  const up = g("haproxy_redis_master_backends_up", "Servers UP in HAProxy's Redis master backend", ["haproxy", "backend"]);
  const findings = g("redis_topology_findings", "Findings by severity", ["cluster", "severity"]);
  const lag = g("redis_replication_lag_bytes", "Bytes a replica is behind its master (master's view)", ["cluster", "node"]);
  const at = g("redis_topology_last_snapshot_timestamp_seconds", "When the newest snapshot was taken", []);
  at.set(Date.parse(snap.takenAt) / 1000);
  for (const c of snap.clusters) {
    masters.set({ cluster: c.name }, c.nodes.filter((n) => n.status === "ok" && n.role === "master").length);
    const answering = c.sentinels.filter((s) => s.status === "ok");
    agree.set({ cluster: c.name }, answering.length > 0 && sentinelConsensus(c).votes.size === 1 ? 1 : 0);
    quorum.set({ cluster: c.name }, answering.length > 0 && answering.every((s) => s.ckquorum?.ok) ? 1 : 0);
    if (c.haproxy)
      up.set({ haproxy: c.haproxy.name, backend: c.haproxy.backend }, c.haproxy.servers.filter((s) => s.status.startsWith("UP")).length);
    for (const sev of ["critical", "warning", "info"])
      findings.set({ cluster: c.name, severity: sev }, c.findings.filter((f) => f.severity === sev).length);
    for (const m of c.nodes)
      for (const r of m.replicas)
        if (r.lagBytes !== null)
          lag.set({ cluster: c.name, node: c.nodes.find((n) => n.id === r.nodeId)?.label ?? `${r.host}:${r.port}` }, r.lagBytes);
  }
}
