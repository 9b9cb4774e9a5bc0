import type { Addr } from "@/lib/redis/snapshot";

export interface KnownProcess {
  id: string;
  cluster: string;
  kind: "node" | "sentinel";
  host: string;
  port: number;
}

const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+:[0-9a-f:]*)$/i;
export const isIpLiteral = (host: string) => IP.test(host);
const isLoopbackish = (host: string) => isIpLiteral(host) || host.toLowerCase() === "localhost";

export const processId = (cluster: string, host: string, port: number) => `${cluster}/${host}:${port}`;

/** "redis-v2-0.redis-v2-headless.redis.svc…:6379" -> "redis-v2-0"; IPs and localhost keep host:port. */
export function labelFor(host: string, port: number): string {
  if (isLoopbackish(host) || !host.includes(".")) return `${host}:${port}`;
  return host.split(".")[0]!;
}

/**
 * Maps an address some process reported (a sentinel's replica, a master link, HAProxy's server) to a
 * configured process: by run id, then exact host:port, then — for IP/localhost forms — by a port that
 * only one configured process uses (the loopback lab; in Kubernetes every port is 6379, so no guess).
 */
export class AddressBook {
  private readonly byPort = new Map<number, KnownProcess[]>();
  private readonly byRunId = new Map<string, KnownProcess>();

  constructor(readonly all: KnownProcess[]) {
    for (const p of all) this.byPort.set(p.port, [...(this.byPort.get(p.port) ?? []), p]);
  }

  addRunId(runId: string | null, id: string): void {
    const p = this.all.find((x) => x.id === id);
    if (runId && p) this.byRunId.set(runId, p);
  }

  find(addr: Addr, runId?: string | null): KnownProcess | null {
    if (runId && this.byRunId.has(runId)) return this.byRunId.get(runId)!;
    const same = this.byPort.get(addr.port) ?? [];
    const exact = same.find((p) => p.host.toLowerCase() === addr.host.toLowerCase());
    if (exact) return exact;
    if (same.length === 1 && isLoopbackish(addr.host) && isLoopbackish(same[0]!.host)) return same[0]!;
    return null;
  }

  /** The id of a node of `cluster` at this address, or null. */
  nodeOf(cluster: string, addr: Addr, runId?: string | null): string | null {
    const p = this.find(addr, runId);
    return p && p.cluster === cluster && p.kind === "node" ? p.id : null;
  }
}
