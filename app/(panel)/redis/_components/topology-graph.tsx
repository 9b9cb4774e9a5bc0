"use client";

import type { ClusterSnapshot, NodeState } from "@/lib/redis/snapshot";
import { NODE_H, NODE_W, spread, W } from "./graph-geometry";
import { GraphLegend, HaproxyLayer, SentinelLayer } from "./graph-layers";

const fmtBytes = (b: number | null) =>
  b === null ? "?" : b < 1024 ? `${b} B` : b < 1_048_576 ? `${(b / 1024).toFixed(1)} kB` : `${(b / 1_048_576).toFixed(1)} MB`;

function nodeTone(n: NodeState, flagged: "critical" | "warning" | null): string {
  if (n.status !== "ok") return "fill-red-50 stroke-red-600 dark:fill-red-950";
  const stroke =
    flagged === "critical"
      ? "stroke-red-600"
      : flagged === "warning"
        ? "stroke-amber-500"
        : n.role === "master"
          ? "stroke-emerald-600"
          : "stroke-sky-600";
  return `${n.role === "master" ? "fill-emerald-50 dark:fill-emerald-950" : "fill-sky-50 dark:fill-sky-950"} ${stroke}`;
}

/** Nodes, replication edges with lag, sentinels and the master each believes in, HAProxy and where it routes. */
export function TopologyGraph({ cluster, onSelect }: { cluster: ClusterSnapshot; onSelect: (nodeId: string) => void }) {
  const h = cluster.haproxy;
  const yNode = h ? 150 : 24;
  const ySent = yNode + NODE_H + 110;
  const pos = new Map(cluster.nodes.map((n, i) => [n.id, { x: spread(cluster.nodes.length, i), y: yNode }]));
  const height = cluster.sentinels.length ? ySent + 76 : yNode + NODE_H + 80;
  const flagged = (id: string) => {
    const fs = cluster.findings.filter((f) => f.subjects.includes(id));
    return fs.some((f) => f.severity === "critical") ? "critical" : fs.some((f) => f.severity === "warning") ? "warning" : null;
  };
  const linkOf = (replicaId: string) => {
    for (const m of cluster.nodes) for (const r of m.replicas) if (r.nodeId === replicaId) return r;
    return null;
  };
  return (
    <div className="grid gap-2">
      <div className="overflow-x-auto">
        <svg
          viewBox={`0 0 ${W} ${height}`}
          className="h-auto w-full min-w-[600px] text-slate-700 dark:text-slate-200"
          role="img"
          aria-label={`topology of ${cluster.name}`}
        >
          <defs>
            <marker
              id={`arrow-${cluster.name}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" className="fill-current" />
            </marker>
          </defs>
          {h ? <HaproxyLayer cluster={cluster} haproxy={h} pos={pos} /> : null}
          {cluster.nodes.map((n, i) => {
            const p = pos.get(n.id)!;
            const m = n.master?.nodeId ? pos.get(n.master.nodeId) : undefined;
            if (!m) return null;
            const down = n.master!.linkStatus !== "up";
            const link = linkOf(n.id);
            const dip = yNode + NODE_H + 34 + (i % 2) * 22;
            const midX = (p.x + m.x) / 2;
            const labelX = p.x + (m.x - p.x) * 0.3;
            return (
              <g key={`edge-${n.id}`} data-testid="replication-edge">
                <path
                  d={`M${p.x},${p.y + NODE_H} Q${midX},${dip + 18} ${m.x},${m.y + NODE_H}`}
                  fill="none"
                  strokeWidth={2}
                  strokeDasharray={down ? "6 4" : undefined}
                  markerEnd={`url(#arrow-${cluster.name})`}
                  className={down ? "stroke-red-500 text-red-500" : "stroke-sky-500 text-sky-500"}
                />
                <text
                  x={labelX}
                  y={dip + 8}
                  textAnchor="middle"
                  className={`text-[12px] font-medium ${down ? "fill-red-600 dark:fill-red-400" : "fill-current"}`}
                >
                  {down
                    ? `link ${n.master!.linkStatus}`
                    : `lag ${fmtBytes(link?.lagBytes ?? null)}${link?.lagSec != null ? ` · ${link.lagSec} s` : ""}`}
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
                <rect
                  x={p.x - NODE_W / 2}
                  y={p.y}
                  width={NODE_W}
                  height={NODE_H}
                  rx={8}
                  strokeWidth={flagged(n.id) ? 3 : 2}
                  className={nodeTone(n, flagged(n.id))}
                />
                <text x={p.x} y={p.y + 20} textAnchor="middle" className="fill-current text-[14px] font-semibold">
                  {n.label}
                </text>
                <text x={p.x} y={p.y + 38} textAnchor="middle" className="fill-current text-[13px]">
                  {n.status === "ok" ? `${n.role} · ${n.version ?? "?"}` : n.status}
                </text>
                <text x={p.x} y={p.y + 55} textAnchor="middle" className="fill-current text-[12px] opacity-70">
                  {n.status === "ok" ? `${n.keyspace.reduce((a, k) => a + k.keys, 0)} keys` : (n.error ?? "")}
                </text>
              </g>
            );
          })}
          <SentinelLayer cluster={cluster} pos={pos} y={ySent} yNode={yNode} />
        </svg>
      </div>
      <GraphLegend haproxy={h !== null} />
    </div>
  );
}
