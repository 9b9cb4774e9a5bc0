import { ReplyParseError, toInt, toStr } from "./errors";

export type RoleReply =
  | { role: "master"; offset: number; replicas: { host: string; port: number; offset: number }[] }
  | { role: "replica"; masterHost: string; masterPort: number; state: string; offset: number }
  | { role: "sentinel"; masters: string[] };

/** Parses ROLE (master / slave / sentinel forms). Garbage throws ReplyParseError. */
export function parseRole(reply: unknown): RoleReply {
  if (!Array.isArray(reply) || reply.length === 0) throw new ReplyParseError("ROLE", "expected an array");
  const kind = reply[0];
  if (kind === "master") {
    if (!Array.isArray(reply[2])) throw new ReplyParseError("ROLE", "master without a replica list");
    return {
      role: "master",
      offset: toInt(reply[1], "ROLE offset"),
      replicas: reply[2].map((r: unknown) => {
        if (!Array.isArray(r) || r.length < 3) throw new ReplyParseError("ROLE", "bad replica entry");
        return {
          host: toStr(r[0], "ROLE replica host"),
          port: toInt(r[1], "ROLE replica port"),
          offset: toInt(r[2], "ROLE replica offset"),
        };
      }),
    };
  }
  if (kind === "slave" || kind === "replica") {
    if (reply.length < 5) throw new ReplyParseError("ROLE", "short replica reply");
    return {
      role: "replica",
      masterHost: toStr(reply[1], "ROLE master host"),
      masterPort: toInt(reply[2], "ROLE master port"),
      state: toStr(reply[3], "ROLE state"),
      offset: toInt(reply[4], "ROLE offset"),
    };
  }
  if (kind === "sentinel") {
    if (!Array.isArray(reply[1])) throw new ReplyParseError("ROLE", "sentinel without masters");
    return { role: "sentinel", masters: reply[1].map((m: unknown) => toStr(m, "ROLE master name")) };
  }
  throw new ReplyParseError("ROLE", "unknown role");
}
