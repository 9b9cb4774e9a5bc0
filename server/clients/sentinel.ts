import "server-only";
import { sendCommands, type FailureStatus, type RedisTarget } from "./redis";
import { ReplyParseError } from "./redis-parse/errors";
import { parseCkquorum, parseMasterAddr, parsePeers, parseSentinelMaster, parseYesNo, type SentinelMaster, type SentinelPeer } from "./redis-parse/sentinel";

export interface SentinelView {
  version: string | null;
  runId: string | null;
  /** null when this sentinel does not monitor the name. */
  master: SentinelMaster | null;
  masterAddr: { host: string; port: number } | null;
  replicas: SentinelPeer[];
  sentinels: SentinelPeer[];
  ckquorum: { ok: boolean; message: string } | null;
  resolveHostnames: boolean | null;
  announceHostnames: boolean | null;
}

export type SentinelReading = ({ ok: true; latencyMs: number } & SentinelView) | { ok: false; status: FailureStatus | "parse-error"; message: string; latencyMs: number };

const notMonitored = (v: unknown) => v instanceof Error && /No such master/i.test(v.message);

/** Everything one sentinel believes about one master name, in one round trip. */
export async function querySentinel(t: RedisTarget, masterName: string, deadlineAt: number, signal?: AbortSignal): Promise<SentinelReading> {
  const r = await sendCommands(
    t,
    [
      ["SENTINEL", "MASTER", masterName],
      ["SENTINEL", "REPLICAS", masterName],
      ["SENTINEL", "SENTINELS", masterName],
      ["SENTINEL", "GET-MASTER-ADDR-BY-NAME", masterName],
      ["SENTINEL", "CKQUORUM", masterName],
      ["SENTINEL", "CONFIG", "GET", "resolve-hostnames"],
      ["SENTINEL", "CONFIG", "GET", "announce-hostnames"],
    ],
    deadlineAt,
    signal,
  );
  if (!r.ok) return r;
  const [master, replicas, sentinels, addr, ck, resolve, announce] = r.replies;
  try {
    const monitored = !notMonitored(master);
    if (monitored && master instanceof Error) throw new ReplyParseError("SENTINEL MASTER", "refused");
    return {
      ok: true,
      latencyMs: r.latencyMs,
      version: null,
      runId: null,
      master: monitored ? parseSentinelMaster(master) : null,
      masterAddr: monitored && !(addr instanceof Error) ? parseMasterAddr(addr) : null,
      replicas: monitored && !(replicas instanceof Error) ? parsePeers(replicas, "SENTINEL REPLICAS") : [],
      sentinels: monitored && !(sentinels instanceof Error) ? parsePeers(sentinels, "SENTINEL SENTINELS") : [],
      ckquorum: monitored ? parseCkquorum(ck) : null,
      resolveHostnames: parseYesNo(resolve),
      announceHostnames: parseYesNo(announce),
    };
  } catch (err) {
    if (err instanceof ReplyParseError) return { ok: false, status: "parse-error", message: `unreadable reply (${err.what})`, latencyMs: r.latencyMs };
    throw err;
  }
}
