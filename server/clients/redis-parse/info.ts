import { ReplyParseError, toInt } from "./errors";

export type InfoSections = Record<string, Record<string, string>>;

/** Parses an INFO reply ("# Section" headers, "key:value" lines). Garbage throws ReplyParseError. */
export function parseInfo(reply: unknown): InfoSections {
  if (typeof reply !== "string") throw new ReplyParseError("INFO", "expected a bulk string");
  const out: InfoSections = {};
  let section: Record<string, string> | null = null;
  let fields = 0;
  // Hot path (every node, every snapshot): split on the protocol's CRLF, no regex per line.
  for (const raw of reply.split(reply.includes("\r\n") ? "\r\n" : "\n")) {
    if (raw.length === 0) continue;
    const line = raw.charCodeAt(raw.length - 1) <= 32 ? raw.trimEnd() : raw;
    if (!line) continue;
    if (line.charCodeAt(0) === 35) {
      const name = line.slice(1).trim().toLowerCase();
      if (!name) throw new ReplyParseError("INFO", "empty section header");
      section = out[name] ??= {};
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0 || !section) throw new ReplyParseError("INFO", "unexpected line");
    section[line.slice(0, colon)] = line.slice(colon + 1);
    fields++;
  }
  if (fields === 0) throw new ReplyParseError("INFO", "no fields");
  return out;
}

/** "a=1,b=x" (keyspace and slaveN values). */
export function parseCommaKv(value: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>; // keys come from the wire: "__proto__" must stay a key
  for (const part of value.split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

export interface KeyspaceEntry {
  db: number;
  keys: number;
  expires: number;
}

export function parseKeyspace(section: Record<string, string> | undefined): KeyspaceEntry[] {
  const out: KeyspaceEntry[] = [];
  for (const [k, v] of Object.entries(section ?? {})) {
    const m = /^db(\d+)$/.exec(k);
    if (!m) continue;
    const kv = parseCommaKv(v);
    out.push({ db: Number(m[1]), keys: toInt(kv.keys, `keyspace ${k}`), expires: toInt(kv.expires ?? "0", `keyspace ${k}`) });
  }
  return out.sort((a, b) => a.db - b.db);
}

export interface InfoReplica {
  host: string;
  port: number;
  state: string;
  offset: number;
  lagSec: number | null;
}

/** The master's view of its replicas: `slaveN:ip=…,port=…,state=online,offset=…,lag=…`. */
export function parseInfoReplicas(replication: Record<string, string> | undefined): InfoReplica[] {
  const out: InfoReplica[] = [];
  for (const [k, v] of Object.entries(replication ?? {})) {
    if (!/^slave\d+$/.test(k)) continue;
    const kv = parseCommaKv(v);
    if (!kv.ip) throw new ReplyParseError(`INFO ${k}`, "no ip");
    out.push({
      host: kv.ip,
      port: toInt(kv.port, `INFO ${k} port`),
      state: kv.state ?? "unknown",
      offset: toInt(kv.offset ?? "0", `INFO ${k} offset`),
      lagSec: kv.lag === undefined ? null : toInt(kv.lag, `INFO ${k} lag`),
    });
  }
  return out;
}

export const infoInt = (s: Record<string, string> | undefined, key: string): number | null => {
  const v = s?.[key];
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : null;
};
