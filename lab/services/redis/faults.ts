import type { Fault, LabContext } from "../../lib/context";
import { waitFor } from "../../lib/wait";
import { call, fence, haproxyCommand, haproxyStatus, sentinelMaster, tryCall } from "./admin";
import { waitHealthy } from "./healthy";
import { lagFault } from "./lag";
import { restartHaproxy, startNode } from "./run";
import { findProc, nodesOf, type ClusterName, type LabNode, type LabTopology } from "./topology";

type Body = Record<string, unknown>;
const clusterOf = (b: Body, fallback: ClusterName): ClusterName => (b.cluster === "old" || b.cluster === "v2" ? b.cluster : fallback);
const replicasOf = (t: LabTopology, c: ClusterName, m: LabNode) => nodesOf(t, c, "node").filter((n) => n !== m);
const pick = (t: LabTopology, b: Body, fallback: () => Promise<LabNode>) =>
  typeof b.node === "string" ? Promise.resolve(findProc(t, b.node)) : fallback();

async function repointAll(t: LabTopology, c: ClusterName): Promise<void> {
  const nodes = nodesOf(t, c, "node");
  for (const n of nodes) await tryCall(t, n, "ACL", "SETUSER", "default", "+@all");
  const m = await sentinelMaster(t, c);
  await call(t, m, "REPLICAOF", "NO", "ONE");
  for (const n of nodes) if (n !== m) await call(t, n, "REPLICAOF", m.host, m.port);
}

async function reportedMaster(t: LabTopology, c: ClusterName): Promise<LabNode> {
  const nodes = nodesOf(t, c, "node");
  const roles = await Promise.all(nodes.map((n) => tryCall(t, n, "ROLE")));
  const masters = nodes.filter((_, i) => Array.isArray(roles[i]) && (roles[i] as unknown[])[0] === "master");
  return masters.length === 1 ? masters[0]! : t.initialMaster[c];
}

/**
 * The cutover remedy for sentinels that merged: REMOVE the name on every sentinel of both clusters,
 * repoint each cluster's nodes at its own master, then MONITOR again (fresh config epochs).
 */
async function rebuildSentinels(t: LabTopology): Promise<void> {
  for (const s of t.nodes.filter((n) => n.kind === "sentinel")) await tryCall(t, s, "SENTINEL", "REMOVE", "mymaster");
  for (const c of ["old", "v2"] as const) {
    const m = c === "old" ? t.initialMaster.old : await reportedMaster(t, c);
    for (const n of nodesOf(t, c, "node")) await tryCall(t, n, "ACL", "SETUSER", "default", "+@all");
    await call(t, m, "REPLICAOF", "NO", "ONE");
    for (const n of nodesOf(t, c, "node")) if (n !== m) await call(t, n, "REPLICAOF", m.host, m.port);
    for (const s of nodesOf(t, c, "sentinel")) {
      await call(t, s, "SENTINEL", "MONITOR", "mymaster", m.host, m.port, 2);
      await call(t, s, "SENTINEL", "SET", "mymaster", "down-after-milliseconds", 2000, "failover-timeout", 6000, "parallel-syncs", 1);
    }
  }
}

export function redisFaults(ctx: LabContext, t: LabTopology): Record<string, Fault> {
  const paused = new Set<number>();
  const killed = new Map<string, LabNode>();
  const firstReplica = async (c: ClusterName) => replicasOf(t, c, await sentinelMaster(t, c)).at(-1)!;

  return {
    "second-master": {
      description: "A replica of {cluster} (default v2) promotes itself while the master lives; fenced so sentinel cannot fix it",
      inject: async (b) => {
        const c = clusterOf(b, "v2");
        const r = await pick(t, b, () => firstReplica(c));
        await fence(t, r);
        await call(t, r, "REPLICAOF", "NO", "ONE");
        return { node: r.proc };
      },
      heal: async (b) => {
        const c = clusterOf(b, "v2");
        await repointAll(t, c);
        await waitHealthy(t, c);
      },
    },
    "demote-master": {
      description: "v2: a replica becomes the only master, the sentinels' master turns replica of it (sentinels still name the old one)",
      inject: async () => {
        const m = await sentinelMaster(t, "v2");
        const r = replicasOf(t, "v2", m)[0]!;
        for (const n of nodesOf(t, "v2", "node")) await fence(t, n);
        await call(t, r, "REPLICAOF", "NO", "ONE");
        await call(t, m, "REPLICAOF", r.host, r.port);
        return { sentinelsMaster: m.proc, realMaster: r.proc };
      },
      heal: async () => {
        await repointAll(t, "v2");
        await waitHealthy(t, "v2");
      },
    },
    "kill-node": {
      description: "SIGKILL a redis process ({node}, default a replica of old); heal restarts it as a replica of the current master",
      inject: async (b) => {
        const n = await pick(t, b, () => firstReplica("old"));
        await ctx.processes.stop(n.proc, "SIGKILL");
        killed.set(n.proc, n);
        return { node: n.proc };
      },
      heal: async () => {
        for (const n of killed.values()) {
          let master: LabNode | null = null;
          await waitFor(`a live master for ${n.cluster}`, async () => {
            master = await sentinelMaster(t, n.cluster);
            return master !== n;
          });
          await startNode(ctx, t, n, master);
          killed.delete(n.proc);
          await waitHealthy(t, n.cluster);
        }
      },
    },
    "pause-node": {
      description: "SIGSTOP a process ({node}: any redis or sentinel process, default a replica of old): TCP accepted, no answers",
      inject: async (b) => {
        const n = await pick(t, b, () => firstReplica("old"));
        const pid = ctx.processes.find(n.proc)?.pid;
        if (!pid) throw new Error(`${n.proc} is not running`);
        process.kill(pid, "SIGSTOP");
        paused.add(pid);
        return { node: n.proc, pid };
      },
      heal: async () => {
        for (const pid of paused) process.kill(pid, "SIGCONT");
        paused.clear();
        await Promise.all([waitHealthy(t, "old"), waitHealthy(t, "v2")]);
      },
    },
    "sentinels-down": {
      description: "SIGSTOP two sentinels of {cluster} (default old): CKQUORUM fails",
      inject: async (b) => {
        const c = clusterOf(b, "old");
        const victims = nodesOf(t, c, "sentinel").slice(1);
        for (const s of victims) {
          const pid = ctx.processes.find(s.proc)!.pid;
          process.kill(pid, "SIGSTOP");
          paused.add(pid);
        }
        return { sentinels: victims.map((s) => s.proc) };
      },
      heal: async (b) => {
        for (const pid of paused) process.kill(pid, "SIGCONT");
        paused.clear();
        await waitHealthy(t, clusterOf(b, "old"));
      },
    },
    "link-down": {
      description: "A replica of {cluster} (default v2) follows a dead address: master_link_status down (fenced)",
      inject: async (b) => {
        const c = clusterOf(b, "v2");
        const r = await pick(t, b, () => firstReplica(c));
        await fence(t, r);
        await call(t, r, "REPLICAOF", "127.0.0.1", t.deadPort);
        return { node: r.proc };
      },
      heal: async (b) => {
        const c = clusterOf(b, "v2");
        await repointAll(t, c);
        await waitHealthy(t, c);
      },
    },
    "replication-lag": lagFault(ctx, t),
    "maxmemory-policy": {
      description: "A replica of {cluster} (default v2) gets maxmemory-policy allkeys-lru",
      inject: async (b) => {
        const r = await pick(t, b, () => firstReplica(clusterOf(b, "v2")));
        await call(t, r, "CONFIG", "SET", "maxmemory-policy", "allkeys-lru");
        return { node: r.proc };
      },
      heal: async (b) => {
        for (const n of nodesOf(t, clusterOf(b, "v2"), "node")) await call(t, n, "CONFIG", "SET", "maxmemory-policy", "noeviction");
        await waitHealthy(t, clusterOf(b, "v2"));
      },
    },
    "sentinel-ip-mode": {
      description: "A v2 sentinel ({node}, default sentinel-v2-0) stops announcing hostnames and reports the IP",
      inject: async (b) => {
        const s = typeof b.node === "string" ? findProc(t, b.node) : nodesOf(t, "v2", "sentinel")[0]!;
        await call(t, s, "SENTINEL", "CONFIG", "SET", "announce-hostnames", "no");
        return { sentinel: s.proc };
      },
      heal: async () => {
        for (const s of nodesOf(t, "v2", "sentinel")) await call(t, s, "SENTINEL", "CONFIG", "SET", "announce-hostnames", "yes");
        await waitHealthy(t, "v2");
      },
    },
    "sentinel-foreign": {
      description:
        "sentinel-v2-2 monitors the old cluster's master under the same name: the clusters' sentinels discover each other (and may reparent old, as in the cutover); heal rebuilds both sentinel sets",
      inject: async () => {
        const s = nodesOf(t, "v2", "sentinel")[2]!;
        const oldMaster = await sentinelMaster(t, "old");
        await call(t, s, "SENTINEL", "REMOVE", "mymaster");
        await call(t, s, "SENTINEL", "MONITOR", "mymaster", oldMaster.host, oldMaster.port, 2);
        await call(t, s, "SENTINEL", "SET", "mymaster", "down-after-milliseconds", 2000, "failover-timeout", 6000);
        return { sentinel: s.proc, monitors: oldMaster.proc };
      },
      heal: async () => {
        await rebuildSentinels(t);
        await Promise.all([waitHealthy(t, "old"), waitHealthy(t, "v2")]);
      },
    },
    "haproxy-maint": {
      description: "HAProxy: the master's server in MAINT (no server UP in redis_master)",
      inject: async () => {
        const m = await sentinelMaster(t, "v2");
        const name = `v2-${nodesOf(t, "v2", "node").indexOf(m)}`;
        await haproxyCommand(t, `set server redis_master/${name} state maint`);
        return { server: name };
      },
      heal: async () => {
        for (const name of (await haproxyStatus(t)).keys()) await haproxyCommand(t, `set server redis_master/${name} state ready`);
        await waitHealthy(t, "v2");
      },
    },
    "haproxy-weak-check": {
      description: "HAProxy restarted with the check that accepts any master (role:master only, fall 2)",
      inject: async () => {
        await restartHaproxy(ctx, t, "weak");
        return { variant: "weak" };
      },
      heal: async () => {
        await restartHaproxy(ctx, t, "strict");
        await waitHealthy(t, "v2");
      },
    },
    failover: {
      description: "SENTINEL FAILOVER on {cluster} (default v2); resolves when the new master is in place",
      inject: async (b) => {
        const c = clusterOf(b, "v2");
        const before = await sentinelMaster(t, c);
        await call(t, nodesOf(t, c, "sentinel")[0]!, "SENTINEL", "FAILOVER", "mymaster");
        await waitFor(`${c} failover`, async () => (await sentinelMaster(t, c)) !== before, 30_000);
        await waitHealthy(t, c);
        return { from: before.proc, to: (await sentinelMaster(t, c)).proc };
      },
      heal: async (b) => waitHealthy(t, clusterOf(b, "v2")),
    },
  };
}
