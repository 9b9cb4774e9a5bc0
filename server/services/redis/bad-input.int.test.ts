import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRuntimeSessions } from "@/server/clients/haproxy-runtime";
import { closeRedisPool } from "@/server/clients/redis";
import { getConfig, getSecret } from "@/server/config";
import { getDb } from "@/server/store/db";
import { setupLabConfig } from "@/test/lab-config";
import { Registry } from "prom-client";
import { collectSnapshot } from "./collect";
import { collectRedisMetrics } from "./metrics";
import { currentSnapshot, resetSnapshotCacheForTests, snapshotCollections } from "./snapshot-cache";
import { listHistory } from "./store";

/** Loopback servers that misbehave: one accepts and never answers, one answers garbage to everything. */
const servers: net.Server[] = [];
const listen = (onConn: (s: net.Socket) => void) =>
  new Promise<number>((resolve) => {
    const srv = net.createServer(onConn);
    servers.push(srv);
    srv.listen(0, "127.0.0.1", () => resolve((srv.address() as net.AddressInfo).port));
  });

let silent = 0;
let garbage = 0;
beforeAll(async () => {
  silent = await listen(() => undefined);
  // One garbage reply per command (a RESP array header starts each command).
  garbage = await listen((s) =>
    s.on("data", (d: Buffer) =>
      s.write(
        "+this is not redis\r\n".repeat(
          d
            .toString("latin1")
            .split("\r\n")
            .filter((l) => l.startsWith("*")).length,
        ),
      ),
    ),
  );
  setupLabConfig((config) => {
    const redis = config.redis as { clusters: unknown[] };
    redis.clusters.push({ name: "bad", nodes: [`127.0.0.1:${silent}`, `127.0.0.1:${garbage}`], sentinels: [`127.0.0.1:${garbage}`] });
  });
  resetSnapshotCacheForTests();
});
afterAll(() => {
  closeRedisPool();
  closeRuntimeSessions();
  for (const s of servers) s.close();
});

describe("bad input and sharing", () => {
  it("a silent node hits its deadline, garbage is a parse error for that process, the rest is intact", async () => {
    const s = await collectSnapshot({ section: getConfig().redis, secret: getSecret });
    const bad = s.clusters.find((c) => c.name === "bad")!;
    expect(bad.nodes.map((n) => n.status)).toEqual(["timeout", "parse-error"]);
    expect(bad.sentinels[0]!.status).toBe("parse-error");
    expect(s.durationMs).toBeLessThanOrEqual(getConfig().redis.deadline + 250);
    for (const name of ["old", "v2"]) {
      const c = s.clusters.find((x) => x.name === name)!;
      expect(c.nodes.every((n) => n.status === "ok")).toBe(true);
      expect(c.findings).toEqual([]);
    }
    expect(bad.findings.map((f) => f.kind)).toContain("unreachable");
  });

  it("50 simultaneous viewers share one snapshot; it is stored and exported as metrics", async () => {
    const before = snapshotCollections();
    const snaps = await Promise.all(Array.from({ length: 50 }, () => currentSnapshot()));
    expect(snapshotCollections() - before).toBe(1);
    expect(new Set(snaps.map((x) => x.id)).size).toBe(1);
    const again = await currentSnapshot();
    expect(again.id).toBe(snaps[0]!.id);
    const history = await listHistory(await getDb());
    expect(history[0]?.id).toBe(snaps[0]!.id);
    const runs = async () =>
      (await getDb())
        .selectFrom("probe_runs")
        .select(["target", "status", "finished_at"])
        .where("kind", "=", "redis")
        .orderBy("target")
        .execute();
    const first = await runs();
    expect(first.map((r) => [r.target, r.status])).toEqual([
      ["bad", "failed"],
      ["old", "ok"],
      ["v2", "ok"],
    ]);
    const next = await currentSnapshot({ maxAgeMs: 0 });
    const second = await runs();
    expect(second).toHaveLength(3);
    expect(second.find((r) => r.target === "v2")!.finished_at! > first.find((r) => r.target === "v2")!.finished_at!).toBe(true);
    expect(next.id).not.toBe(again.id);
    const registry = new Registry();
    await collectRedisMetrics(registry);
    const text = await registry.metrics();
    expect(text).toMatch(/redis_topology_masters\{cluster="v2"\} 1/);
    expect(text).toMatch(/redis_topology_sentinels_agree\{cluster="old"\} 1/);
    expect(text).toMatch(/redis_topology_quorum_ok\{cluster="v2"\} 1/);
    expect(text).toMatch(/haproxy_redis_master_backends_up\{haproxy="haproxy",backend="redis_master"\} 1/);
    expect(text).toMatch(/redis_topology_findings\{cluster="v2",severity="critical"\} 0/);
    expect(text).toMatch(/redis_replication_lag_bytes\{cluster="v2",node="localhost:\d+"\} \d+/);
  });
});
