import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { NodeReading } from "@/server/clients/redis";
import { parseInfo } from "@/server/clients/redis-parse/info";
import type { RedisCluster } from "@/server/config/sections/redis";
import type { ClusterSnapshot } from "@/lib/redis/snapshot";
import { AddressBook, processId } from "../address";
import { buildNode, emptyNode } from "../build-node";
import { deriveFindings } from "./index";

const FIX = path.resolve(import.meta.dirname, "../../../clients/redis-parse/fixtures");
const M = { host: "redis-node-0.redis-headless.redis.svc.cluster.local", port: 6379 };
const R = { host: "redis-v2-0.redis-v2-headless.redis.svc.cluster.local", port: 6379 };
const config: RedisCluster = { name: "prod", masterName: "mymaster", nodes: [M, R], sentinels: [], mustSurvive: [] };
const section = { lagThresholdBytes: 1_048_576, lagThresholdSeconds: 10 };
const book = new AddressBook(
  config.nodes.map((n) => ({ id: processId("prod", n.host, n.port), cluster: "prod", kind: "node" as const, ...n })),
);

function nodeFrom(addr: typeof M, reading: NodeReading) {
  return buildNode("prod", emptyNode(processId("prod", addr.host, addr.port), addr.host, addr.port), reading, book);
}

const cluster = (nodes: ClusterSnapshot["nodes"], extra: Partial<ClusterSnapshot> = {}): ClusterSnapshot => ({
  name: "prod",
  masterName: "mymaster",
  nodes,
  sentinels: [],
  haproxy: null,
  findings: [],
  ...extra,
});

describe("findings", () => {
  it("a 7.4 replica under an 8.x master (recorded-format replies) is the version finding", () => {
    const masterInfo = parseInfo(readFileSync(path.join(FIX, "info-8.6.2-master.txt"), "utf8"));
    const replicaInfo = parseInfo(readFileSync(path.join(FIX, "info-7.4.2-replica.txt"), "utf8"));
    const master = nodeFrom(M, {
      ok: true,
      role: { role: "master", offset: 48211937, replicas: [] },
      info: masterInfo,
      config: {},
      latencyMs: 1,
    });
    const replica = nodeFrom(R, {
      ok: true,
      role: { role: "replica", masterHost: M.host, masterPort: 6379, state: "sync", offset: 0 },
      info: replicaInfo,
      config: {},
      latencyMs: 1,
    });
    expect(replica.master?.nodeId).toBe(master.id);
    const f = deriveFindings(cluster([master, replica]), { config, section, book });
    const kinds = f.map((x) => x.kind);
    expect(kinds).toContain("replica-older");
    expect(kinds).toContain("replication");
    expect(f.find((x) => x.kind === "replica-older")!.explanation).toContain("7.4.2");
    expect(f[0]!.severity).toBe("critical");
  });

  it("the same versions the other way round are fine", () => {
    const info = parseInfo(readFileSync(path.join(FIX, "info-8.6.2-master.txt"), "utf8"));
    const older = { ...info, server: { ...info.server, redis_version: "7.4.2" } };
    const master = nodeFrom(M, { ok: true, role: { role: "master", offset: 1, replicas: [] }, info: older, config: {}, latencyMs: 1 });
    const replica = nodeFrom(R, {
      ok: true,
      role: { role: "replica", masterHost: M.host, masterPort: 6379, state: "connected", offset: 1 },
      info: { ...info, replication: { role: "slave", master_link_status: "up" } },
      config: {},
      latencyMs: 1,
    });
    expect(deriveFindings(cluster([master, replica]), { config, section, book }).map((x) => x.kind)).not.toContain("replica-older");
  });

  it("two masters are split brain; a parse error is that node's state only", () => {
    const info = parseInfo("# Server\r\nredis_version:7.0.15\r\nrun_id:a\r\n# Replication\r\nrole:master\r\n");
    const a = nodeFrom(M, { ok: true, role: { role: "master", offset: 1, replicas: [] }, info, config: {}, latencyMs: 1 });
    const b = nodeFrom(R, { ok: true, role: { role: "master", offset: 1, replicas: [] }, info, config: {}, latencyMs: 1 });
    expect(deriveFindings(cluster([a, b]), { config, section, book })[0]!.kind).toBe("split-brain");
    const garbled = nodeFrom(R, {
      ok: true,
      role: { role: "master", offset: 1, replicas: [] },
      info: { replication: { slave0: "port=x" } },
      config: {},
      latencyMs: 1,
    });
    expect(garbled.status).toBe("parse-error");
  });

  it("a check that accepts any master is a warning with the recommended check", () => {
    const hp = {
      name: "haproxy",
      backend: "redis_master",
      status: "ok" as const,
      errors: [],
      servers: [],
      route: { ok: false, nodeId: null, runId: null, error: null },
    };
    const weak = deriveFindings(
      cluster([], { haproxy: { ...hp, check: { expectsMaster: true, requiresReplica: false, fall: 2, lines: [] } } }),
      { config, section, book },
    );
    expect(weak.map((f) => f.kind)).toContain("haproxy-check");
    expect(weak.find((f) => f.kind === "haproxy-check")!.remedy).toContain("connected_slaves");
    const strict = deriveFindings(
      cluster([], { haproxy: { ...hp, check: { expectsMaster: true, requiresReplica: true, fall: 1, lines: [] } } }),
      { config, section, book },
    );
    expect(strict.map((f) => f.kind)).not.toContain("haproxy-check");
  });
});
