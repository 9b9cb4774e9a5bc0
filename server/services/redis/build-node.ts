import "server-only";
import type { NodeReading } from "@/server/clients/redis";
import { ReplyParseError } from "@/server/clients/redis-parse/errors";
import { infoInt, parseInfoReplicas, parseKeyspace } from "@/server/clients/redis-parse/info";
import type { NodeState } from "@/lib/redis/snapshot";
import { labelFor, type AddressBook } from "./address";

export function emptyNode(id: string, host: string, port: number): NodeState {
  return {
    id,
    label: labelFor(host, port),
    host,
    port,
    status: "error",
    error: null,
    latencyMs: null,
    role: null,
    version: null,
    runId: null,
    uptimeSec: null,
    master: null,
    replOffset: null,
    replicas: [],
    keyspace: [],
    memory: { usedBytes: null, maxBytes: null, policy: null },
    config: {},
    info: {},
  };
}

/** A reading becomes a node state; a failed or unreadable reading is a status, never a throw. */
export function buildNode(cluster: string, base: NodeState, r: NodeReading, book: AddressBook): NodeState {
  const latencyMs = Math.round(r.latencyMs * 10) / 10;
  if (!r.ok) return { ...base, status: r.status, error: r.message, latencyMs };
  try {
    const server = r.info.server ?? {};
    const repl = r.info.replication ?? {};
    const replOffset = infoInt(repl, "master_repl_offset");
    const node: NodeState = {
      ...base,
      status: "ok",
      latencyMs,
      role: r.role.role === "master" ? "master" : r.role.role === "replica" ? "replica" : null,
      version: server.redis_version ?? null,
      runId: server.run_id ?? null,
      uptimeSec: infoInt(server, "uptime_in_seconds"),
      replOffset,
      keyspace: parseKeyspace(r.info.keyspace),
      memory: {
        usedBytes: infoInt(r.info.memory, "used_memory"),
        maxBytes: infoInt(r.info.memory, "maxmemory"),
        policy: r.config["maxmemory-policy"] ?? r.info.memory?.maxmemory_policy ?? null,
      },
      config: r.config,
      info: r.info,
    };
    if (r.role.role === "replica") {
      const addr = { host: r.role.masterHost, port: r.role.masterPort };
      node.master = {
        ...addr,
        nodeId: book.nodeOf(cluster, addr),
        linkStatus: repl.master_link_status ?? r.role.state,
        syncInProgress: repl.master_sync_in_progress === "1",
      };
    }
    if (r.role.role === "master") {
      node.replicas = parseInfoReplicas(repl).map((x) => ({
        ...x,
        nodeId: book.nodeOf(cluster, x),
        lagBytes: replOffset === null ? null : Math.max(0, replOffset - x.offset),
      }));
    }
    return node;
  } catch (err) {
    if (err instanceof ReplyParseError) return { ...base, status: "parse-error", error: `unreadable reply (${err.what})`, latencyMs };
    throw err;
  }
}
