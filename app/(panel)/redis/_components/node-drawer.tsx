"use client";

import { Badge } from "@/components/ui/badge";
import type { NodeState } from "@/lib/redis/snapshot";

/** One node's INFO sections and the config values the collector reads. */
export function NodeDrawer({ node, onClose }: { node: NodeState; onClose: () => void }) {
  return (
    <aside
      role="dialog"
      aria-label={`node ${node.label}`}
      onKeyDown={(e) => e.key === "Escape" && onClose()}
      className="fixed inset-y-0 right-0 z-40 w-full max-w-md overflow-y-auto bg-white p-4 shadow-xl ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{node.label}</h2>
        <button type="button" onClick={onClose} className="rounded px-2 py-1 text-sm ring-1 ring-slate-300 dark:ring-slate-700">
          Close
        </button>
      </div>
      <div className="mb-3 flex flex-wrap gap-2 text-sm">
        <Badge tone={node.status === "ok" ? "ok" : "bad"}>{node.status}</Badge>
        {node.role ? <Badge tone={node.role === "master" ? "ok" : "info"}>{node.role}</Badge> : null}
        {node.version ? <Badge>{node.version}</Badge> : null}
        {node.latencyMs !== null ? <Badge>{node.latencyMs} ms</Badge> : null}
      </div>
      {node.error ? <p className="mb-3 text-sm text-red-700 dark:text-red-300">{node.error}</p> : null}
      <h3 className="mt-2 font-medium">Config</h3>
      <dl className="grid grid-cols-2 gap-x-3 text-sm">
        {Object.entries(node.config).map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="break-all">{v === null ? "—" : v === "" ? "(empty)" : v}</dd>
          </div>
        ))}
      </dl>
      {Object.entries(node.info).map(([section, kv]) => (
        <details key={section} className="mt-2" open={section === "replication"}>
          <summary className="cursor-pointer font-medium capitalize">{section}</summary>
          <dl className="grid grid-cols-2 gap-x-3 text-xs">
            {Object.entries(kv).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-500">{k}</dt>
                <dd className="break-all">{v}</dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
    </aside>
  );
}
