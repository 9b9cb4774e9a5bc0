import type { RedisCluster, RedisSection } from "@/server/config/sections/redis";
import type { ClusterSnapshot, Finding, NodeState } from "@/lib/redis/snapshot";
import type { AddressBook } from "../address";

export interface FindingContext {
  config: RedisCluster;
  section: Pick<RedisSection, "lagThresholdBytes" | "lagThresholdSeconds">;
  book: AddressBook;
}

export type Rule = (cs: ClusterSnapshot, ctx: FindingContext) => Finding[];

export const okNodes = (cs: ClusterSnapshot) => cs.nodes.filter((n) => n.status === "ok");
export const nodeById = (cs: ClusterSnapshot, id: string | null): NodeState | undefined =>
  id ? cs.nodes.find((n) => n.id === id) : undefined;
export const names = (items: { label: string }[]) => items.map((i) => i.label).join(", ");

/** The master most answering sentinels name (node id, or host:port when it is no node of this cluster). */
export function sentinelConsensus(cs: ClusterSnapshot): { key: string | null; nodeId: string | null; votes: Map<string, string[]> } {
  const votes = new Map<string, string[]>();
  for (const s of cs.sentinels) {
    if (s.status !== "ok") continue;
    const key = s.masterNodeId ?? (s.masterAddr ? `${s.masterAddr.host}:${s.masterAddr.port}` : "(not monitored)");
    votes.set(key, [...(votes.get(key) ?? []), s.label]);
  }
  let key: string | null = null;
  for (const [k, v] of votes) if (!key || v.length > votes.get(key)!.length) key = k;
  const nodeId = key && cs.nodes.some((n) => n.id === key) ? key : null;
  return { key, nodeId, votes };
}

export function finding(cs: ClusterSnapshot, f: Omit<Finding, "id">): Finding {
  return { ...f, id: `${f.kind}:${cs.name}` };
}
