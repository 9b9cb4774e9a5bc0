import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRuntimeSessions } from "@/server/clients/haproxy-runtime";
import { closeRedisPool } from "@/server/clients/redis";
import { getConfig } from "@/server/config";
import { setupLabConfig } from "@/test/lab-config";
import { eventually, fault } from "@/test/lab";
import { collectSnapshot } from "./collect";
import { injectAndHeal, kindsOf, snap } from "./test-helpers.int";

beforeAll(() => {
  setupLabConfig();
});
afterAll(() => {
  closeRedisPool();
  closeRuntimeSessions();
});

describe("redis topology against the lab", () => {
  it("shows both healthy clusters, HAProxy's route to the v2 master and no findings", async () => {
    const s = await eventually(
      async () => {
        const x = await snap();
        return x.clusters.every((c) => c.findings.length === 0) ? x : null;
      },
      20_000,
      "a healthy snapshot",
    );
    const [old, v2] = [s.clusters.find((c) => c.name === "old")!, s.clusters.find((c) => c.name === "v2")!];
    expect(old.nodes.map((n) => n.role).sort()).toEqual(["master", "replica"]);
    expect(v2.nodes.filter((n) => n.role === "master")).toHaveLength(1);
    const master = v2.nodes.find((n) => n.role === "master")!;
    expect(v2.haproxy?.route.nodeId).toBe(master.id);
    expect(v2.sentinels.every((x) => x.masterNodeId === master.id && x.ckquorum?.ok)).toBe(true);
    expect(v2.sentinels.every((x) => x.masterAddr?.host === "localhost")).toBe(true);
    for (const n of [...old.nodes, ...v2.nodes]) expect(n.keyspace.map((k) => k.db)).toEqual([0, 1, 4]);
    expect(master.replicas.every((r) => r.nodeId !== null && r.lagBytes !== null)).toBe(true);
    expect(v2.sentinels.every((x) => x.version === master.version)).toBe(true);
    expect(v2.haproxy?.status).toBe("ok");
    expect(v2.haproxy?.servers.map((x) => x.status)).toEqual(v2.nodes.map((n) => (n.id === master.id ? "UP" : "DOWN")));
    expect(v2.haproxy?.check).toMatchObject({ expectsMaster: true, requiresReplica: true, fall: 1 });
  });

  it("split brain: a second master", async () => {
    const s = await injectAndHeal("second-master", "v2", "split-brain");
    expect(s.clusters.find((c) => c.name === "v2")!.nodes.filter((n) => n.role === "master")).toHaveLength(2);
  });

  it("the sentinels' master is not the node reporting master, and HAProxy routes elsewhere", async () => {
    const s = await injectAndHeal("demote-master", "v2", ["sentinel-master-not-master", "haproxy-route"]);
    expect(s.clusters.find((c) => c.name === "v2")!.haproxy!.route.nodeId).toBe(
      s.clusters.find((c) => c.name === "v2")!.nodes.find((n) => n.role === "master")!.id,
    );
  });

  it("sentinels disagree and see the other cluster", async () => {
    const s = await injectAndHeal("sentinel-foreign", "v2", ["sentinels-disagree", "cross-cluster", "old:cross-cluster"]);
    expect(s.clusters.length).toBe(2);
  });

  it("CKQUORUM fails when two sentinels stop answering", async () => {
    await injectAndHeal("sentinels-down", "old", "quorum");
  });

  it("a sentinel in IP mode", async () => {
    await injectAndHeal("sentinel-ip-mode", "v2", "sentinel-ip");
  });

  it("replication link down", async () => {
    await injectAndHeal("link-down", "v2", "replication");
  });

  it("replication lag over the threshold: a stopped replica while the master takes 1.5 MB of writes", async () => {
    const s = await injectAndHeal("replication-lag", "old", "replication", { cluster: "old" });
    const old = s.clusters.find((c) => c.name === "old")!;
    const f = old.findings.find((x) => x.kind === "replication")!;
    expect(f.title).toBe("Replication lag over the threshold");
    expect(f.severity).toBe("warning");
    const master = old.nodes.find((n) => n.role === "master")!;
    expect(master.replicas[0]!.lagBytes).toBeGreaterThan(getConfig().redis.lagThresholdBytes);
    expect(f.explanation).toMatch(/behind/);
  });

  it("maxmemory-policy differs", async () => {
    await injectAndHeal("maxmemory-policy", "v2", "maxmemory-policy");
  });

  it("HAProxy with no server UP", async () => {
    await injectAndHeal("haproxy-maint", "v2", "haproxy-up");
  });

  it("HAProxy check that accepts any master", async () => {
    await injectAndHeal("haproxy-weak-check", "v2", "haproxy-check");
  });

  it("a killed node shows as down within the deadline", async () => {
    const { node } = (await fault("redis/kill-node", "inject")) as { node: string };
    try {
      const s = await snap();
      const n = s.clusters.find((c) => c.name === "old")!.nodes.find((x) => x.role === null)!;
      expect(n.status).toBe("down");
      expect(s.durationMs).toBeLessThanOrEqual(getConfig().redis.deadline + 250);
      expect(kindsOf(s, "old")).toContain("unreachable");
      expect(node).toMatch(/redis-old/);
    } finally {
      await fault("redis/kill-node", "heal");
    }
  });

  it("a paused node (TCP accepted, no answer) hits its deadline, not the snapshot's caller", async () => {
    await fault("redis/pause-node", "inject");
    try {
      const s = await snap();
      const statuses = s.clusters
        .find((c) => c.name === "old")!
        .nodes.map((n) => n.status)
        .sort();
      expect(statuses).toEqual(["ok", "timeout"]);
      expect(s.durationMs).toBeLessThanOrEqual(getConfig().redis.deadline + 250);
      expect(s.clusters.find((c) => c.name === "v2")!.nodes.every((n) => n.status === "ok")).toBe(true);
    } finally {
      await fault("redis/pause-node", "heal");
    }
  });

  it("a wrong password is 'auth failed' for that cluster's nodes only", async () => {
    const section = getConfig().redis;
    const s = await collectSnapshot({ section, secret: () => "wrong-password" });
    const v2 = s.clusters.find((c) => c.name === "v2")!;
    expect(v2.nodes.every((n) => n.status === "auth-failed" && n.error === "auth failed")).toBe(true);
    expect(s.clusters.find((c) => c.name === "old")!.nodes.every((n) => n.status === "ok")).toBe(true);
  });

  it("identifies HAProxy's route before and after a failover", async () => {
    const before = await snap();
    const v2b = before.clusters.find((c) => c.name === "v2")!;
    const masterBefore = v2b.nodes.find((n) => n.role === "master")!.id;
    expect(v2b.haproxy!.route.nodeId).toBe(masterBefore);
    await fault("redis/failover", "inject");
    const after = await eventually(
      async () => {
        const s = await snap();
        const v2 = s.clusters.find((c) => c.name === "v2")!;
        return v2.findings.length === 0 && v2.haproxy?.route.nodeId !== masterBefore ? v2 : null;
      },
      20_000,
      "route to the new master",
    );
    expect(after.haproxy!.route.nodeId).toBe(after.nodes.find((n) => n.role === "master")!.id);
  });
});
