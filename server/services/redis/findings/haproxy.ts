import { finding, nodeById, sentinelConsensus, type Rule } from "./context";

export const haproxyUpCount: Rule = (cs) => {
  const h = cs.haproxy;
  if (!h || h.servers.length === 0) return [];
  const up = h.servers.filter((s) => s.status.startsWith("UP"));
  if (up.length === 1) return [];
  return [
    finding(cs, {
      kind: "haproxy-up",
      severity: "critical",
      title: `HAProxy ${h.name}: ${up.length} servers UP in ${h.backend}`,
      explanation:
        up.length === 0
          ? `No server of ${h.backend} is UP, so every client connection through HAProxy is refused. States: ${h.servers.map((s) => `${s.name} ${s.status}`).join(", ")}.`
          : `${up.map((s) => s.name).join(", ")} are all UP: new connections are spread over several masters (split brain through the proxy).`,
      remedy:
        up.length === 0
          ? "Check that the sentinels' master is up and passes the check (role:master and a connected replica); take servers out of MAINT with `set server <backend>/<server> state ready`."
          : "Demote the stale master (REPLICAOF the real one) and require a connected replica in the check with fall 1.",
      subjects: up.map((s) => s.nodeId ?? s.name),
    }),
  ];
};

export const haproxyRoute: Rule = (cs) => {
  const h = cs.haproxy;
  if (!h || !h.route.ok) return [];
  const { nodeId } = sentinelConsensus(cs);
  if (!nodeId || h.route.nodeId === nodeId) return [];
  const target = nodeById(cs, h.route.nodeId);
  return [
    finding(cs, {
      kind: "haproxy-route",
      severity: "critical",
      title: `HAProxy ${h.name} routes to a node that is not the sentinels' master`,
      explanation: `A connection through the frontend reached ${target ? target.label : "a process that is not a configured node"}, while the sentinels name ${nodeById(cs, nodeId)?.label ?? nodeId}. Writes through HAProxy go to a stale master and are lost when it resyncs.`,
      remedy:
        "Demote the node HAProxy routes to (REPLICAOF the sentinels' master) or put its server in MAINT; require `connected_slaves:[1-9]` with fall 1 in the check.",
      subjects: [h.route.nodeId ?? h.name, nodeId],
    }),
  ];
};

export const haproxyWeakCheck: Rule = (cs) => {
  const c = cs.haproxy?.check;
  if (!c || (c.expectsMaster && c.requiresReplica && c.fall <= 1)) return [];
  return [
    finding(cs, {
      kind: "haproxy-check",
      severity: "warning",
      title: `HAProxy ${cs.haproxy!.name}: the health check accepts any master`,
      explanation: `${c.expectsMaster ? "The check only expects role:master" : "The check does not look at the role at all"}${c.requiresReplica ? "" : " (no connected replica required)"}, fall ${c.fall}. A restarted or stale ex-master passes it and HAProxy sends writes there for ~10 s (two masters UP at once).`,
      remedy:
        "Use: send `info replication\\r\\nQUIT\\r\\n`, expect string role:master, expect rstring connected_slaves:[1-9], and `default-server … fall 1 rise 1 on-marked-down shutdown-sessions`.",
      subjects: [cs.haproxy!.name],
    }),
  ];
};
