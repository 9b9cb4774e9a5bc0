"use client";

import type { ClusterSnapshot, HaproxyState } from "@/lib/redis/snapshot";
import { NODE_H, spread, W, type Positions } from "./graph-geometry";

/** HAProxy, a line to each backend server (solid when UP, dashed otherwise) with its state, the routed one bold. */
export function HaproxyLayer({ cluster, haproxy: h, pos }: { cluster: ClusterSnapshot; haproxy: HaproxyState; pos: Positions }) {
  const routed = cluster.nodes.find((n) => n.id === h.route.nodeId)?.label;
  return (
    <g data-testid={`haproxy-${cluster.name}`}>
      <rect
        x={W / 2 - 130}
        y={14}
        width={260}
        height={50}
        rx={8}
        strokeWidth={2}
        className="fill-violet-50 stroke-violet-600 dark:fill-violet-950"
      />
      <text x={W / 2} y={35} textAnchor="middle" className="fill-current text-[14px] font-semibold">
        HAProxy {h.name} · {h.backend}
      </text>
      <text
        x={W / 2}
        y={54}
        textAnchor="middle"
        className={`text-[13px] ${h.route.ok && routed ? "fill-current" : "fill-red-600 dark:fill-red-400"}`}
      >
        {h.route.ok ? `routes to ${routed ?? "an unknown process"}` : `route: ${h.route.error ?? "unknown"}`}
      </text>
      {h.servers.map((s) => {
        const p = s.nodeId ? pos.get(s.nodeId) : undefined;
        if (!p) return null;
        const up = s.status.startsWith("UP");
        const isRoute = h.route.nodeId === s.nodeId;
        return (
          <g key={s.name}>
            <line
              x1={W / 2}
              y1={64}
              x2={p.x}
              y2={p.y}
              strokeWidth={isRoute ? 3.5 : 1.5}
              strokeDasharray={up ? undefined : "3 5"}
              className={
                isRoute ? "stroke-violet-600 dark:stroke-violet-400" : up ? "stroke-violet-400" : "stroke-slate-400 dark:stroke-slate-500"
              }
            />
            <text
              x={p.x + (W / 2 - p.x) * 0.22}
              y={p.y + (64 - p.y) * 0.22 - 4}
              textAnchor="middle"
              className={`text-[12px] font-medium ${up ? "fill-violet-700 dark:fill-violet-300" : "fill-slate-500 dark:fill-slate-400"}`}
            >
              {`${s.name} ${s.status}`}
            </text>
            <title>{`${s.name}: ${s.status} (${s.checkStatus}) ${s.checkDesc}`}</title>
          </g>
        );
      })}
    </g>
  );
}

/** Each sentinel and a dotted line to the node it believes is master (or where it points, when that is no node here). */
export function SentinelLayer({ cluster, pos, y, yNode }: { cluster: ClusterSnapshot; pos: Positions; y: number; yNode: number }) {
  return (
    <>
      {cluster.sentinels.map((s, i) => {
        const x = spread(cluster.sentinels.length, i);
        const target = s.masterNodeId ? pos.get(s.masterNodeId) : undefined;
        const tone =
          s.status !== "ok" ? "fill-red-50 stroke-red-600 dark:fill-red-950" : "fill-amber-50 stroke-amber-600 dark:fill-amber-950";
        const says = s.status !== "ok" ? s.status : s.masterAddr ? `→ ${s.masterAddr.host}:${s.masterAddr.port}` : "not monitoring";
        return (
          <g key={s.id} data-testid="redis-sentinel">
            {target ? (
              <line x1={x} y1={y} x2={target.x} y2={yNode + NODE_H} strokeWidth={1.5} strokeDasharray="2 4" className="stroke-amber-500" />
            ) : null}
            <circle cx={x} cy={y + 18} r={18} strokeWidth={2} className={tone} />
            <text x={x} y={y + 23} textAnchor="middle" className="fill-current text-[13px] font-semibold">
              S{i}
            </text>
            <text
              x={x}
              y={y + 54}
              textAnchor="middle"
              className={`text-[12px] ${s.status === "ok" && target ? "fill-current" : "fill-red-600 dark:fill-red-400"}`}
            >
              {says}
            </text>
            <text x={x} y={y + 70} textAnchor="middle" className="fill-current text-[11px] opacity-70">
              {s.label}
              {s.version ? ` · ${s.version}` : ""}
            </text>
            <title>{`${s.label}: ${s.status}${s.ckquorum ? `, ${s.ckquorum.message}` : ""}`}</title>
          </g>
        );
      })}
    </>
  );
}

export function GraphLegend({ haproxy }: { haproxy: boolean }) {
  const item = "inline-flex items-center gap-1";
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
      <span className={item}>
        <span className="inline-block h-0.5 w-5 bg-sky-500" /> replica → master (lag)
      </span>
      <span className={item}>
        <span className="inline-block w-5 border-t-2 border-dashed border-red-500" /> link down
      </span>
      <span className={item}>
        <span className="inline-block w-5 border-t-2 border-dotted border-amber-500" /> sentinel → the master it believes
      </span>
      {haproxy ? (
        <span className={item}>
          <span className="inline-block h-1 w-5 bg-violet-600" /> HAProxy route (dashed: server not UP)
        </span>
      ) : null}
      <span className={item}>
        <span className="inline-block h-3 w-3 rounded-sm border-2 border-red-600" /> subject of a finding
      </span>
    </p>
  );
}
