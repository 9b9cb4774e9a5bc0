import type { ClusterSnapshot } from "@/lib/redis/snapshot";

/** The graph in words, for narrow screens where the picture needs horizontal scrolling. */
export function TopologySummary({ cluster }: { cluster: ClusterSnapshot }) {
  const label = (id: string | null) => (id ? (cluster.nodes.find((n) => n.id === id)?.label ?? "unknown") : "none");
  const h = cluster.haproxy;
  return (
    <ul className="grid gap-1 text-sm sm:hidden" aria-label={`summary of ${cluster.name}`}>
      {cluster.nodes.map((n) => {
        const link = cluster.nodes.flatMap((m) => m.replicas).find((r) => r.nodeId === n.id);
        return (
          <li key={n.id}>
            <span className="font-medium">{n.label}</span>: {n.status === "ok" ? n.role : n.status}
            {n.master
              ? ` of ${label(n.master.nodeId)}, link ${n.master.linkStatus}${link?.lagBytes != null ? `, lag ${link.lagBytes} B` : ""}`
              : ""}
          </li>
        );
      })}
      {cluster.sentinels.length ? (
        <li>
          <span className="font-medium">Sentinels</span>:{" "}
          {cluster.sentinels.map((s) => (s.status === "ok" ? label(s.masterNodeId) : s.status)).join(", ")}
        </li>
      ) : null}
      {h ? (
        <li>
          <span className="font-medium">HAProxy</span>:{" "}
          {h.route.ok ? `routes to ${label(h.route.nodeId)}` : (h.route.error ?? "route unknown")}; UP:{" "}
          {h.servers
            .filter((s) => s.status.startsWith("UP"))
            .map((s) => s.name)
            .join(", ") || "none"}
        </li>
      ) : null}
    </ul>
  );
}
