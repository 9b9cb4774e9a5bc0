import type { ClusterSnapshot } from "@/lib/redis/snapshot";

/** Keys per db per node: a replica that is behind or empty stands out. */
export function KeyspaceTable({ cluster }: { cluster: ClusterSnapshot }) {
  const dbs = [...new Set(cluster.nodes.flatMap((n) => n.keyspace.map((k) => k.db)))].sort((a, b) => a - b);
  if (dbs.length === 0) return <p className="text-sm text-slate-500">No keys reported.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label={`keys per db in ${cluster.name}`}>
        <thead>
          <tr className="text-left text-slate-500">
            <th className="py-1 pr-3 font-medium">node</th>
            {dbs.map((d) => (
              <th key={d} className="py-1 pr-3 font-medium">
                db{d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cluster.nodes.map((n) => (
            <tr key={n.id} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1 pr-3 whitespace-nowrap">{n.label}</td>
              {dbs.map((d) => (
                <td key={d} className="py-1 pr-3 tabular-nums">
                  {n.status === "ok" ? (n.keyspace.find((k) => k.db === d)?.keys ?? 0) : "—"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
