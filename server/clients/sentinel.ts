import "server-only";
import { sendCommands, type FailureStatus, type RedisTarget } from "./redis";
import { ReplyParseError } from "./redis-parse/errors";
import { parseInfo } from "./redis-parse/info";
import {
  parseCkquorum,
  parseFlatMap,
  parseMasterAddr,
  parsePeers,
  parseSentinelMaster,
  type SentinelMaster,
  type SentinelPeer,
} from "./redis-parse/sentinel";

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

export type SentinelReading =
  | ({ ok: true; latencyMs: number } & SentinelView)
  | { ok: false; status: FailureStatus | "parse-error"; message: string; latencyMs: number };

const notMonitored = (v: unknown) => v instanceof Error && /No such master/i.test(v.message);
const yesNo = (v: string | undefined) => (v === "yes" ? true : v === "no" ? false : null);

/** `SENTINEL CONFIG GET *-hostnames` (a glob: both settings in one reply); null values when the version does not know them. */
function hostnameSettings(reply: unknown): { resolve: boolean | null; announce: boolean | null } {
  if (reply instanceof Error) return { resolve: null, announce: null };
  const m = parseFlatMap(reply, "SENTINEL CONFIG GET");
  return { resolve: yesNo(m["resolve-hostnames"]), announce: yesNo(m["announce-hostnames"]) };
}

/** Everything one sentinel believes about one master name, in one round trip; its version is read once per connection. */
export async function querySentinel(
  t: RedisTarget,
  masterName: string,
  deadlineAt: number,
  signal?: AbortSignal,
): Promise<SentinelReading> {
  const r = await sendCommands(
    t,
    [
      ["SENTINEL", "MASTER", masterName],
      ["SENTINEL", "REPLICAS", masterName],
      ["SENTINEL", "SENTINELS", masterName],
      ["SENTINEL", "GET-MASTER-ADDR-BY-NAME", masterName],
      ["SENTINEL", "CKQUORUM", masterName],
      ["SENTINEL", "CONFIG", "GET", "*-hostnames"],
    ],
    deadlineAt,
    { signal, perConnection: [["INFO", "server"]] },
  );
  if (!r.ok) return r;
  const [master, replicas, sentinels, addr, ck, hostnames] = r.replies;
  const serverInfo = r.perConnection?.[0];
  try {
    const monitored = !notMonitored(master);
    if (monitored && master instanceof Error) throw new ReplyParseError("SENTINEL MASTER", "refused");
    const server = serverInfo === undefined || serverInfo instanceof Error ? {} : (parseInfo(serverInfo).server ?? {});
    const h = hostnameSettings(hostnames);
    return {
      ok: true,
      latencyMs: r.latencyMs,
      version: server.redis_version ?? null,
      runId: server.run_id ?? null,
      master: monitored ? parseSentinelMaster(master) : null,
      masterAddr: monitored && !(addr instanceof Error) ? parseMasterAddr(addr) : null,
      replicas: monitored && !(replicas instanceof Error) ? parsePeers(replicas, "SENTINEL REPLICAS") : [],
      sentinels: monitored && !(sentinels instanceof Error) ? parsePeers(sentinels, "SENTINEL SENTINELS") : [],
      ckquorum: monitored ? parseCkquorum(ck) : null,
      resolveHostnames: h.resolve,
      announceHostnames: h.announce,
    };
  } catch (err) {
    if (err instanceof ReplyParseError)
      return { ok: false, status: "parse-error", message: `unreadable reply (${err.what})`, latencyMs: r.latencyMs };
    throw err;
  }
}
