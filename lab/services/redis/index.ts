import type { LabService } from "../../lib/context";
import { redisFaults } from "./faults";
import { waitHealthy } from "./healthy";
import { startHaproxy, startNode, startSentinel } from "./run";
import { seedData } from "./seed";
import { buildTopology, nodesOf, type ClusterName } from "./topology";

/**
 * Two Redis clusters with sentinels ("old": master + replica, IP mode; "v2": 3 nodes, hostnames)
 * and HAProxy 2.6 in front of v2, all in the foreground as children of the lab.
 */
export const redisService: LabService = {
  name: "redis",
  apt: ["redis-server", "redis-sentinel", "redis-tools", "haproxy", "socat"],
  async start(ctx) {
    const t = buildTopology(ctx);
    const clusters: ClusterName[] = ["old", "v2"];
    const seeded: Record<string, Record<string, number>> = {};
    await Promise.all(
      clusters.map(async (c) => {
        const master = t.initialMaster[c];
        await startNode(ctx, t, master, null);
        seeded[c] = await seedData(t, master);
        await Promise.all(
          nodesOf(t, c, "node")
            .filter((n) => n !== master)
            .map((n) => startNode(ctx, t, n, master)),
        );
        await Promise.all(nodesOf(t, c, "sentinel").map((s) => startSentinel(ctx, s, master)));
      }),
    );
    await startHaproxy(ctx, t, "strict");
    await Promise.all(clusters.map((c) => waitHealthy(t, c, 30_000)));

    const addr = (c: ClusterName, kind: "node" | "sentinel") => nodesOf(t, c, kind).map((n) => `${n.host}:${n.port}`);
    const h = t.haproxy;
    return {
      config: {
        redis: {
          interval: "3s",
          deadline: "1500ms",
          lagThresholdBytes: 1_048_576,
          clusters: [
            {
              name: "old",
              masterName: "mymaster",
              nodes: addr("old", "node"),
              sentinels: addr("old", "sentinel"),
              mustSurvive: ["immich_bull:*", "_kombu.*"],
            },
            {
              name: "v2",
              masterName: "mymaster",
              nodes: addr("v2", "node"),
              sentinels: addr("v2", "sentinel"),
              username: "lab",
              passwordEnv: "REDIS_V2_PASSWORD",
              mustSurvive: ["immich_bull:*", "_kombu.*"],
              haproxy: {
                name: "haproxy",
                frontend: `127.0.0.1:${h.port}`,
                stats: `http://127.0.0.1:${h.stats}/stats;csv`,
                runtime: `tcp://127.0.0.1:${h.runtime}`,
                backend: "redis_master",
                configFile: h.conf,
              },
            },
          ],
        },
      },
      env: { REDIS_V2_PASSWORD: t.password },
      facts: {
        processes: Object.fromEntries(t.nodes.map((n) => [n.proc, { cluster: n.cluster, kind: n.kind, host: n.host, port: n.port }])),
        haproxy: { frontend: h.port, stats: h.stats, runtime: h.runtime, socket: h.sock, config: h.conf },
        seeded,
        labUser: "lab",
      },
      info: [
        `  Redis:   old ${addr("old", "node").join(" ")} (sentinels ${addr("old", "sentinel").join(" ")})`,
        `           v2  ${addr("v2", "node").join(" ")} (sentinels ${addr("v2", "sentinel").join(" ")})`,
        `  HAProxy: redis 127.0.0.1:${h.port}, stats http://127.0.0.1:${h.stats}/stats, runtime tcp://127.0.0.1:${h.runtime}`,
      ],
      faults: redisFaults(ctx, t),
    };
  },
};
