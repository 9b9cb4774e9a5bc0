import "server-only";
import { randomUUID } from "node:crypto";
import type { RedisCluster, RedisSection } from "@/server/config/sections/redis";
import { queryNode, type RedisTarget } from "@/server/clients/redis";
import { querySentinel } from "@/server/clients/sentinel";
import type { ClusterSnapshot, Snapshot } from "@/lib/redis/snapshot";
import { AddressBook, processId, type KnownProcess } from "./address";
import { buildHaproxy } from "./build-haproxy";
import { buildNode, emptyNode } from "./build-node";
import { buildSentinel } from "./build-sentinel";
import { deriveFindings } from "./findings";

export interface CollectOptions {
  section: RedisSection;
  /** Looks up a secret by the env-var name the config gives. */
  secret: (envName: string) => string;
  signal?: AbortSignal;
}

function addressBook(clusters: RedisCluster[]): AddressBook {
  const all: KnownProcess[] = clusters.flatMap((c) => [
    ...c.nodes.map((n) => ({ id: processId(c.name, n.host, n.port), cluster: c.name, kind: "node" as const, ...n })),
    ...c.sentinels.map((s) => ({ id: processId(c.name, s.host, s.port), cluster: c.name, kind: "sentinel" as const, ...s })),
  ]);
  return new AddressBook(all);
}

/**
 * One snapshot of every configured cluster: every node, sentinel and HAProxy is asked at once,
 * under one deadline. A dead, slow or garbled process becomes a status in the snapshot.
 */
export async function collectSnapshot(opts: CollectOptions): Promise<Snapshot> {
  const started = Date.now();
  const deadlineAt = started + opts.section.deadline;
  const { clusters } = opts.section;
  const book = addressBook(clusters);
  const auth = (c: RedisCluster): Pick<RedisTarget, "username" | "password"> => ({
    username: c.username,
    password: c.passwordEnv ? opts.secret(c.passwordEnv) : undefined,
  });
  // Every HAProxy first: its route probe (a fresh connection through the frontend) is the longest call.
  const proxies = clusters.map((c) =>
    c.haproxy ? buildHaproxy(c.name, c.haproxy, auth(c), deadlineAt, opts.signal) : Promise.resolve(null),
  );
  const read = await Promise.all(
    clusters.map(async (c, i) => {
      const sentinelAuth = { password: c.sentinelPasswordEnv ? opts.secret(c.sentinelPasswordEnv) : undefined };
      const [nodes, sentinels, haproxy] = await Promise.all([
        Promise.all(c.nodes.map((n) => queryNode({ ...n, ...auth(c) }, deadlineAt, opts.signal))),
        Promise.all(c.sentinels.map((s) => querySentinel({ ...s, ...sentinelAuth }, c.masterName, deadlineAt, opts.signal))),
        proxies[i]!,
      ]);
      return { c, nodes, sentinels, haproxy };
    }),
  );
  const runIds = new Map<string, string>();
  for (const { c, nodes } of read) {
    nodes.forEach((r, i) => {
      const id = processId(c.name, c.nodes[i]!.host, c.nodes[i]!.port);
      const runId = r.ok ? (r.info.server?.run_id ?? null) : null;
      book.addRunId(runId, id);
      if (runId) runIds.set(runId, id);
    });
  }
  const out: ClusterSnapshot[] = read.map(({ c, nodes, sentinels, haproxy }) => ({
    name: c.name,
    masterName: c.masterName,
    nodes: nodes.map((r, i) => {
      const { host, port } = c.nodes[i]!;
      return buildNode(c.name, emptyNode(processId(c.name, host, port), host, port), r, book);
    }),
    sentinels: sentinels.map((r, i) => {
      const { host, port } = c.sentinels[i]!;
      return buildSentinel(c.name, processId(c.name, host, port), host, port, r, book);
    }),
    haproxy: haproxy ? haproxy.finish(book, runIds) : null,
    findings: [],
  }));
  for (const cs of out) {
    const cfg = clusters.find((c) => c.name === cs.name)!;
    cs.findings = deriveFindings(cs, { config: cfg, section: opts.section, book });
  }
  return {
    id: randomUUID(),
    takenAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    deadlineMs: opts.section.deadline,
    clusters: out,
  };
}
