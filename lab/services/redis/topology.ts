import path from "node:path";
import type { LabContext } from "../../lib/context";
import type { PortName } from "../../lib/ports";

export type ClusterName = "old" | "v2";

export interface LabNode {
  /** Process name in the lab, e.g. "redis-v2-0". */
  proc: string;
  cluster: ClusterName;
  kind: "node" | "sentinel";
  /** The host the panel and the sentinels use: old by IP, v2 by hostname. */
  host: string;
  port: number;
  dir: string;
  conf: string;
}

export interface LabTopology {
  nodes: LabNode[];
  /** Node that is master at start. */
  initialMaster: Record<ClusterName, LabNode>;
  haproxy: { port: number; stats: number; runtime: number; dir: string; conf: string; sock: string };
  /** A loopback port nothing listens on (for the link-down fault). */
  deadPort: number;
  password: string;
}

const LAYOUT: { cluster: ClusterName; host: string; nodes: PortName[]; sentinels: PortName[] }[] = [
  { cluster: "old", host: "127.0.0.1", nodes: ["redisOld0", "redisOld1"], sentinels: ["sentinelOld0", "sentinelOld1", "sentinelOld2"] },
  {
    cluster: "v2",
    host: "localhost",
    nodes: ["redisV20", "redisV21", "redisV22"],
    sentinels: ["sentinelV20", "sentinelV21", "sentinelV22"],
  },
];

export function buildTopology(ctx: LabContext): LabTopology {
  const root = path.join(ctx.stateDir, "redis");
  const nodes: LabNode[] = [];
  for (const c of LAYOUT) {
    const add = (kind: LabNode["kind"], names: PortName[]) =>
      names.forEach((p, i) => {
        const proc = `${kind === "node" ? "redis" : "sentinel"}-${c.cluster}-${i}`;
        const dir = path.join(root, proc);
        nodes.push({ proc, cluster: c.cluster, kind, host: c.host, port: ctx.ports[p], dir, conf: path.join(dir, `${kind}.conf`) });
      });
    add("node", c.nodes);
    add("sentinel", c.sentinels);
  }
  const hdir = path.join(root, "haproxy");
  return {
    nodes,
    initialMaster: { old: nodes.find((n) => n.proc === "redis-old-0")!, v2: nodes.find((n) => n.proc === "redis-v2-0")! },
    haproxy: {
      port: ctx.ports.haproxy,
      stats: ctx.ports.haproxyStats,
      runtime: ctx.ports.haproxyRuntime,
      dir: hdir,
      conf: path.join(hdir, "haproxy.cfg"),
      sock: path.join(hdir, "admin.sock"),
    },
    deadPort: ctx.ports.redisOld0 + 8,
    password: ctx.secret("redis-lab-user"),
  };
}

export const nodesOf = (t: LabTopology, cluster: ClusterName, kind: LabNode["kind"]) =>
  t.nodes.filter((n) => n.cluster === cluster && n.kind === kind);

export function findProc(t: LabTopology, proc: string): LabNode {
  const n = t.nodes.find((x) => x.proc === proc);
  if (!n) throw new Error(`unknown redis lab process ${proc}; known: ${t.nodes.map((x) => x.proc).join(", ")}`);
  return n;
}
