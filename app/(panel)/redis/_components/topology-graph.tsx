"use client";

import type { ClusterSnapshot, NodeState } from "@/lib/redis/snapshot";

const W = 760;
const NODE_W = 150;
const NODE_H = 58;
const Y_PROXY = 18;

const spread = (count: number, i: number, width = W) => ((i + 1) * width) / (count + 1);

function nodeTone(n: NodeState): string {
  if (n.status !== "ok") return "fill-red-50 stroke-red-500 dark:fill-red-950";
  if (n.role === "master") return "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950";
  return "fill-sky-50 stroke-sky-600 dark:fill-sky-950";
}

const fmtBytes = (b: number | null) => (b === null ? "?" : b < 1024 ? `${b} B` : b < 1_048_576 ? `${(b / 1024).toFixed(1)} kB` : `${(b / 1_048_576).toFixed(1)} MB`);

/** Nodes, replication edges with lag, sentinels and whom they believe, HAProxy and where it routes. */
export function TopologyGraph({ cluster, onSelect }: { cluster: ClusterSnapshot; onSelect: (nodeId: string) => void }) {
  const h = cluster.haproxy;
  const Y_NODE = h ? 150 : 20;
  const Y_SENT = Y_NODE + 150;
  const pos = new Map(cluster.nodes.map((n, i) => [n.id, { x: spread(cluster.nodes.length, i), y: Y_NODE }]));
  const height = cluster.sentinels.length ? Y_SENT + 70 : Y_NODE + NODE_H + 40;
  const lagOf = (replicaId: string) => {
    for (const m of cluster.nodes) for (const r of m.replicas) if (r.nodeId === replicaId) return r.lagBytes;
    return null;
  };
  return (
    <svg viewBox={`0 0 ${W} ${height}`} className="h-auto w-full text-slate-700 dark:text-slate-200" role="img" aria-label={`topology of ${cluster.name}`}>
      <defs>
        <marker id={`arrow-${cluster.name}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="fill-current" />
        </marker>
      </defs>
      {h ? (
        <g data-testid={`haproxy-${cluster.name}`}>
          <rect x={W / 2 - 110} y={Y_PROXY} width={220} height={44} rx={8} className="fill-violet-50 stroke-violet-600 dark:fill-violet-950" />
          <text x={W / 2} y={Y_PROXY + 18} textAnchor="middle" className="fill-current text-[13px] font-semibold">
            HAProxy {h.name}
          </text>
          <text x={W / 2} y={Y_PROXY + 35} textAnchor="middle" className="fill-current text-[11px]">
            {h.route.ok ? `routes to ${cluster.nodes.find((n) => n.id === h.route.nodeId)?.label ?? "an unknown process"}` : `route: ${h.route.error ?? "unknown"}`}
          </text>
          {h.servers.map((s) => {
            const p = s.nodeId ? pos.get(s.nodeId) : undefined;
            if (!p) return null;
            const up = s.status.startsWith("UP");
            const routed = h.route.nodeId === s.nodeId;
            return (
              <line
                key={s.name}
                x1={W / 2}
                y1={Y_PROXY + 44}
                x2={p.x}
                y2={p.y}
                strokeWidth={routed ? 3 : 1.5}
                strokeDasharray={up ? undefined : "3 5"}
                className={routed ? "stroke-violet-600" : up ? "stroke-violet-400" : "stroke-slate-300 dark:stroke-slate-600"}
              >
                <title>{`${s.name}: ${s.status} (${s.checkStatus})`}</title>
              </line>
            );
          })}
        </g>
      ) : null}
      {cluster.nodes.map((n) => {
        const p = pos.get(n.id)!;
        const m = n.master?.nodeId ? pos.get(n.master.nodeId) : undefined;
        if (!m) return null;
        const down = n.master!.linkStatus !== "up";
        const midX = (p.x + m.x) / 2;
        return (
          <g key={`edge-${n.id}`}>
            <path
              d={`M${p.x},${p.y + NODE_H} Q${midX},${Y_NODE + NODE_H + 55} ${m.x},${m.y + NODE_H}`}
              fill="none"
              strokeWidth={2}
              strokeDasharray={down ? "6 4" : undefined}
              markerEnd={`url(#arrow-${cluster.name})`}
              className={down ? "stroke-red-500 text-red-500" : "stroke-sky-500 text-sky-500"}
            />
            <text x={midX} y={Y_NODE + NODE_H + 40} textAnchor="middle" className="fill-current text-[11px]">
              {down ? `link ${n.master!.linkStatus}` : `lag ${fmtBytes(lagOf(n.id))}`}
            </text>
          </g>
        );
      })}
      {cluster.nodes.map((n) => {
        const p = pos.get(n.id)!;
        return (
          <g
            key={n.id}
            role="button"
            tabIndex={0}
            aria-label={`node ${n.label}`}
            data-testid="redis-node"
            data-role={n.role ?? n.status}
            className="cursor-pointer focus:outline-none"
            onClick={() => onSelect(n.id)}
            onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onSelect(n.id)}
          >
            <rect x={p.x - NODE_W / 2} y={p.y} width={NODE_W} height={NODE_H} rx={8} strokeWidth={2} className={nodeTone(n)} />
            <text x={p.x} y={p.y + 20} textAnchor="middle" className="fill-current text-[12px] font-semibold">
              {n.label}
            </text>
            <text x={p.x} y={p.y + 38} textAnchor="middle" className="fill-current text-[11px]">
              {n.status === "ok" ? `${n.role} · ${n.version ?? "?"}` : n.status}
            </text>
            <text x={p.x} y={p.y + 52} textAnchor="middle" className="fill-current text-[10px] opacity-70">
              {n.keyspace.reduce((a, k) => a + k.keys, 0)} keys
            </text>
          </g>
        );
      })}
      {cluster.sentinels.map((s, i) => {
        const x = spread(cluster.sentinels.length, i);
        const target = s.masterNodeId ? pos.get(s.masterNodeId) : undefined;
        const tone = s.status !== "ok" ? "fill-red-50 stroke-red-500 dark:fill-red-950" : "fill-amber-50 stroke-amber-600 dark:fill-amber-950";
        return (
          <g key={s.id} data-testid="redis-sentinel">
            {target ? <line x1={x} y1={Y_SENT} x2={target.x} y2={Y_NODE + NODE_H} strokeDasharray="2 4" className="stroke-amber-500" /> : null}
            <circle cx={x} cy={Y_SENT + 18} r={18} strokeWidth={2} className={tone} />
            <text x={x} y={Y_SENT + 22} textAnchor="middle" className="fill-current text-[11px] font-semibold">
              S{i}
            </text>
            <text x={x} y={Y_SENT + 52} textAnchor="middle" className="fill-current text-[10px]">
              {s.status !== "ok" ? s.status : s.masterAddr ? `→ ${s.masterAddr.host}:${s.masterAddr.port}` : "not monitoring"}
            </text>
            <title>{`${s.label}: ${s.status}${s.ckquorum ? `, ${s.ckquorum.message}` : ""}`}</title>
          </g>
        );
      })}
    </svg>
  );
}
