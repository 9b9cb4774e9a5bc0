import "server-only";
import type { SentinelReading } from "@/server/clients/sentinel";
import type { SentinelState } from "@/lib/redis/snapshot";
import { labelFor, type AddressBook } from "./address";

export function buildSentinel(
  cluster: string,
  id: string,
  host: string,
  port: number,
  r: SentinelReading,
  book: AddressBook,
): SentinelState {
  const base: SentinelState = {
    id,
    label: labelFor(host, port),
    host,
    port,
    status: "ok",
    error: null,
    latencyMs: Math.round(r.latencyMs * 10) / 10,
    version: null,
    masterAddr: null,
    masterNodeId: null,
    masterFlags: [],
    quorum: null,
    numOtherSentinels: null,
    replicas: [],
    sentinels: [],
    ckquorum: null,
    resolveHostnames: null,
    announceHostnames: null,
  };
  if (!r.ok) return { ...base, status: r.status, error: r.message };
  const addr = r.masterAddr ?? (r.master ? { host: r.master.host, port: r.master.port } : null);
  return {
    ...base,
    version: r.version,
    masterAddr: addr,
    masterNodeId: addr ? book.nodeOf(cluster, addr, r.master?.runId) : null,
    masterFlags: r.master?.flags ?? [],
    quorum: r.master?.quorum ?? null,
    numOtherSentinels: r.master?.numOtherSentinels ?? null,
    replicas: r.replicas,
    sentinels: r.sentinels,
    ckquorum: r.ckquorum,
    resolveHostnames: r.resolveHostnames,
    announceHostnames: r.announceHostnames,
  };
}
