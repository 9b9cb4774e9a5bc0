import { ReplyParseError, toInt, toStr } from "./errors";

/** SENTINEL replies are flat [k1, v1, k2, v2, …] arrays. */
export function parseFlatMap(reply: unknown, what: string): Record<string, string> {
  if (!Array.isArray(reply) || reply.length % 2 !== 0) throw new ReplyParseError(what, "expected a flat key/value array");
  const out: Record<string, string> = Object.create(null) as Record<string, string>; // keys come from the wire: "__proto__" must stay a key
  for (let i = 0; i < reply.length; i += 2) out[toStr(reply[i], what)] = toStr(reply[i + 1], what);
  return out;
}

export interface SentinelPeer {
  host: string;
  port: number;
  flags: string[];
  runId: string | null;
  linkStatus: string | null;
}

function toPeer(m: Record<string, string>, what: string): SentinelPeer {
  if (!m.ip) throw new ReplyParseError(what, "entry without ip");
  return {
    host: m.ip,
    port: toInt(m.port, `${what} port`),
    flags: (m.flags ?? "").split(",").filter(Boolean),
    runId: m.runid && m.runid !== "" ? m.runid : null,
    linkStatus: m["master-link-status"] ?? null,
  };
}

export interface SentinelMaster extends SentinelPeer {
  name: string;
  quorum: number;
  numSlaves: number;
  numOtherSentinels: number;
}

export function parseSentinelMaster(reply: unknown): SentinelMaster {
  const m = parseFlatMap(reply, "SENTINEL MASTER");
  return {
    ...toPeer(m, "SENTINEL MASTER"),
    name: m.name ?? "",
    quorum: toInt(m.quorum, "SENTINEL MASTER quorum"),
    numSlaves: toInt(m["num-slaves"] ?? "0", "num-slaves"),
    numOtherSentinels: toInt(m["num-other-sentinels"] ?? "0", "num-other-sentinels"),
  };
}

export function parsePeers(reply: unknown, what: string): SentinelPeer[] {
  if (!Array.isArray(reply)) throw new ReplyParseError(what, "expected an array");
  return reply.map((r) => toPeer(parseFlatMap(r, what), what));
}

/** GET-MASTER-ADDR-BY-NAME: [host, port], or null when the name is not monitored. */
export function parseMasterAddr(reply: unknown): { host: string; port: number } | null {
  if (reply === null) return null;
  if (!Array.isArray(reply) || reply.length !== 2) throw new ReplyParseError("GET-MASTER-ADDR-BY-NAME", "expected [host, port]");
  return { host: toStr(reply[0], "master host"), port: toInt(reply[1], "master port") };
}

/** CKQUORUM answers "+OK …" or an error "-NOQUORUM …". */
export function parseCkquorum(reply: unknown): { ok: boolean; message: string } {
  if (reply instanceof Error) return { ok: false, message: reply.message.slice(0, 200) };
  const text = toStr(reply, "CKQUORUM");
  return { ok: text.startsWith("OK"), message: text.slice(0, 200) };
}
