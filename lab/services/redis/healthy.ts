import { waitFor } from "../../lib/wait";
import { haproxyStatus, tryCall } from "./admin";
import type { ClusterName, LabTopology } from "./topology";
import { nodesOf } from "./topology";

const kv = (reply: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (Array.isArray(reply)) for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = String(reply[i + 1]);
  return out;
};

/** Why the cluster is not in its healthy shape yet, or null when it is. */
export async function unhealthyReason(t: LabTopology, cluster: ClusterName): Promise<string | null> {
  const nodes = nodesOf(t, cluster, "node");
  const sentinels = nodesOf(t, cluster, "sentinel");
  const roles = await Promise.all(nodes.map((n) => tryCall(t, n, "ROLE")));
  const masters = nodes.filter((_, i) => Array.isArray(roles[i]) && (roles[i] as unknown[])[0] === "master");
  if (masters.length !== 1) return `${masters.length} masters`;
  const m = masters[0]!;
  for (const [i, n] of nodes.entries()) {
    if (n === m) continue;
    const r = roles[i] as unknown[] | null;
    if (!r || r[0] !== "slave" || Number(r[2]) !== m.port || r[3] !== "connected") return `${n.proc} not a connected replica of ${m.proc}`;
  }
  const pol = await Promise.all(nodes.map((n) => tryCall(t, n, "CONFIG", "GET", "maxmemory-policy")));
  if (pol.some((p) => !Array.isArray(p) || p[1] !== "noeviction")) return "maxmemory-policy differs";
  for (const s of sentinels) {
    const master = kv(await tryCall(t, s, "SENTINEL", "MASTER", "mymaster"));
    if (Number(master.port) !== m.port) return `${s.proc} names port ${master.port ?? "?"}`;
    if (master.flags !== "master") return `${s.proc} flags ${master.flags}`;
    if (cluster === "v2" && master.ip !== "localhost") return `${s.proc} stores ${master.ip}`;
    if (Number(master["num-other-sentinels"]) !== sentinels.length - 1)
      return `${s.proc} knows ${master["num-other-sentinels"]} other sentinels`;
    const others = (await tryCall(t, s, "SENTINEL", "SENTINELS", "mymaster")) as unknown[] | null;
    const ports = (others ?? []).map((o) => Number(kv(o).port));
    if (ports.some((p) => !sentinels.some((x) => x.port === p))) return `${s.proc} lists a foreign sentinel`;
    const ck = await tryCall(t, s, "SENTINEL", "CKQUORUM", "mymaster");
    if (typeof ck !== "string" || !ck.startsWith("OK")) return `${s.proc} CKQUORUM fails`;
  }
  if (cluster === "v2") {
    const status = await haproxyStatus(t);
    const up = [...status].filter(([, s]) => s === "UP").map(([name]) => name);
    const want = `v2-${nodes.indexOf(m)}`;
    if (up.length !== 1 || up[0] !== want) return `haproxy UP: ${up.join(",") || "none"} (want ${want})`;
  }
  return null;
}

export async function waitHealthy(t: LabTopology, cluster: ClusterName, timeoutMs = 45_000): Promise<void> {
  let last: string | null = "not checked";
  await waitFor(
    `redis ${cluster} healthy`,
    async () => {
      last = await unhealthyReason(t, cluster);
      return last === null;
    },
    timeoutMs,
  ).catch((err: Error) => {
    throw new Error(`${err.message} (last: ${last})`);
  });
}
