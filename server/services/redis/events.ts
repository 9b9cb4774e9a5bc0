import type { ClusterSnapshot, RoleEvent, Snapshot } from "@/lib/redis/snapshot";
import { sentinelConsensus } from "./findings/context";

export type NewEvent = Omit<RoleEvent, "id">;

const label = (cs: ClusterSnapshot, id: string | null) => (id ? (cs.nodes.find((n) => n.id === id)?.label ?? id) : "none");

/** What changed between two snapshots: roles, failovers, processes down/up, HAProxy's route. */
export function diffSnapshots(prev: Snapshot | null, next: Snapshot): NewEvent[] {
  if (!prev) return [];
  const out: NewEvent[] = [];
  for (const cs of next.clusters) {
    const before = prev.clusters.find((c) => c.name === cs.name);
    if (!before) continue;
    const ev = (kind: NewEvent["kind"], subject: string, detail: string) =>
      out.push({ cluster: cs.name, at: next.takenAt, kind, subject, detail });
    for (const p of [...cs.nodes, ...cs.sentinels]) {
      const old = [...before.nodes, ...before.sentinels].find((x) => x.id === p.id);
      if (!old) continue;
      if (old.status === "ok" && p.status !== "ok") ev("down", p.label, p.error ?? p.status);
      if (old.status !== "ok" && p.status === "ok") ev("up", p.label, "answers again");
    }
    for (const n of cs.nodes) {
      const old = before.nodes.find((x) => x.id === n.id);
      if (old?.role && n.role && old.role !== n.role) ev("role", n.label, `${old.role} → ${n.role}`);
    }
    const a = sentinelConsensus(before).key;
    const b = sentinelConsensus(cs).key;
    if (a && b && a !== b) ev("failover", "sentinels", `master ${label(before, a)} → ${label(cs, b)}`);
    const ra = before.haproxy?.route.nodeId ?? null;
    const rb = cs.haproxy?.route.nodeId ?? null;
    if (cs.haproxy && before.haproxy && ra !== rb && (ra || rb))
      ev("route", cs.haproxy.name, `routes to ${label(before, ra)} → ${label(cs, rb)}`);
  }
  return out;
}

/** A cheap fingerprint of what matters for history: roles, statuses, masters, routes, findings. */
export function shapeOf(s: Snapshot): string {
  return JSON.stringify(
    s.clusters.map((c) => [
      c.nodes.map((n) => [n.id, n.status, n.role, n.master?.nodeId ?? null]),
      c.sentinels.map((x) => [x.id, x.status, x.masterNodeId]),
      c.haproxy ? [c.haproxy.route.nodeId, c.haproxy.servers.map((v) => v.status)] : null,
      c.findings.map((f) => f.id),
    ]),
  );
}
