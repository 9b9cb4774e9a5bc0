import { finding, names, nodeById, okNodes, sentinelConsensus, type Rule } from "./context";

export const splitBrain: Rule = (cs) => {
  const masters = okNodes(cs).filter((n) => n.role === "master");
  if (masters.length < 2) return [];
  return [
    finding(cs, {
      kind: "split-brain",
      severity: "critical",
      title: `${masters.length} nodes report role:master`,
      explanation: `${names(masters)} all accept writes as master. Clients (and an HAProxy check that accepts any master) can write to either; whatever lands on the one that is later demoted is thrown away by its full resync.`,
      remedy:
        "Pick the master the sentinels name, make every other node REPLICAOF it (then CONFIG REWRITE), and fence the stale one until it has resynced. Tighten the HAProxy check to require a connected replica.",
      subjects: masters.map((m) => m.id),
    }),
  ];
};

export const sentinelsDisagree: Rule = (cs) => {
  const { votes } = sentinelConsensus(cs);
  if (votes.size < 2) return [];
  const detail = [...votes].map(([k, v]) => `${v.join(", ")} → ${k.replace(`${cs.name}/`, "")}`).join("; ");
  return [
    finding(cs, {
      kind: "sentinels-disagree",
      severity: "critical",
      title: "Sentinels disagree on the master",
      explanation: `The sentinels name different masters for ${cs.masterName}: ${detail}. Clients asking different sentinels get different masters, and a failover vote may not reach quorum.`,
      remedy:
        "Find the sentinel(s) in the minority: SENTINEL REMOVE the name there and SENTINEL MONITOR it again (by hostname) at the real master, then SENTINEL SET the timings; SENTINEL RESET on the others if they list foreign peers.",
      subjects: [...votes.values()].flat(),
    }),
  ];
};

export const sentinelMasterNotMaster: Rule = (cs) => {
  const { nodeId } = sentinelConsensus(cs);
  const chosen = nodeById(cs, nodeId);
  if (!chosen || chosen.status !== "ok") return [];
  const masters = okNodes(cs).filter((n) => n.role === "master");
  const demoted = chosen.role !== "master";
  const elsewhere = masters.length === 1 && masters[0]!.id !== chosen.id;
  if (!demoted && !elsewhere) return [];
  return [
    finding(cs, {
      kind: "sentinel-master-not-master",
      severity: "critical",
      title: "The sentinels' master is not the node reporting master",
      explanation: `The sentinels name ${chosen.label}, which reports role:${chosen.role ?? "unknown"}; ${masters.length ? `${names(masters)} reports master` : "no node reports master"}. Sentinel-aware clients are sent to a node that refuses writes (READONLY), or a failover starts from the wrong node.`,
      remedy:
        "Decide which node has the newest data (compare master_repl_offset). Either REPLICAOF NO ONE on the sentinels' master and repoint the others, or re-MONITOR the sentinels at the real master.",
      subjects: [chosen.id, ...masters.map((m) => m.id)],
    }),
  ];
};

export const quorum: Rule = (cs) => {
  const failing = cs.sentinels.filter((s) => s.status === "ok" && s.ckquorum && !s.ckquorum.ok);
  const answering = cs.sentinels.filter((s) => s.status === "ok").length;
  if (cs.sentinels.length === 0 || (failing.length === 0 && answering > 0)) return [];
  return [
    finding(cs, {
      kind: "quorum",
      severity: "critical",
      title: answering === 0 ? "No sentinel answers" : "SENTINEL CKQUORUM fails",
      explanation:
        answering === 0
          ? "None of the configured sentinels answered, so nobody can fail over if the master dies."
          : `${names(failing)} cannot reach quorum or failover authorization (${failing[0]!.ckquorum!.message}). If the master dies now, no failover happens.`,
      remedy:
        "Bring the unreachable sentinels back (see the sentinels marked down), check that they can reach each other, and re-run SENTINEL CKQUORUM.",
      subjects: failing.map((s) => s.id),
    }),
  ];
};

export const unreachable: Rule = (cs) => {
  const bad = [...cs.nodes, ...cs.sentinels].filter((p) => p.status !== "ok");
  if (bad.length === 0) return [];
  const { nodeId } = sentinelConsensus(cs);
  return [
    finding(cs, {
      kind: "unreachable",
      severity: bad.some((b) => b.id === nodeId) ? "critical" : "warning",
      title: `${bad.length} process${bad.length > 1 ? "es" : ""} not answering`,
      explanation: bad.map((b) => `${b.label}: ${b.error ?? b.status}`).join("; "),
      remedy:
        'Check the pod/process and its logs; an "auth failed" node needs the password in the configured env var; a timeout means the process accepts connections but does not answer (paused, overloaded, or blocked).',
      subjects: bad.map((b) => b.id),
    }),
  ];
};

export const crossCluster: Rule = (cs, { book }) => {
  const hits: string[] = [];
  const subjects = new Set<string>();
  for (const s of cs.sentinels) {
    if (s.status !== "ok") continue;
    const seen = [...(s.masterAddr ? [{ ...s.masterAddr, runId: null }] : []), ...s.replicas, ...s.sentinels];
    for (const a of seen) {
      const p = book.find(a, a.runId);
      if (p && p.cluster !== cs.name) {
        hits.push(`${s.label} lists ${a.host}:${a.port} (${p.kind} of ${p.cluster})`);
        subjects.add(s.id);
      }
    }
  }
  for (const n of cs.nodes) {
    const p = n.master ? book.find(n.master) : null;
    if (p && p.cluster !== cs.name) {
      hits.push(`${n.label} replicates from ${p.id}`);
      subjects.add(n.id);
    }
  }
  if (hits.length === 0) return [];
  return [
    finding(cs, {
      kind: "cross-cluster",
      severity: "critical",
      title: "Sentinels of two clusters see each other",
      explanation: `${[...new Set(hits)].join("; ")}. Sentinels that share a master name discover each other through the hello channel and will fight over REPLICAOF (this reparented the old master during the cutover).`,
      remedy:
        "SENTINEL REMOVE the master name on every sentinel of both clusters, re-MONITOR each cluster at its own master (by hostname), then SENTINEL RESET on the sentinels that still list foreign peers.",
      subjects: [...subjects],
    }),
  ];
};
