import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReplyParseError } from "./errors";
import { parseInfo, parseInfoReplicas, parseKeyspace } from "./info";
import { parseRole } from "./role";
import { parseCkquorum, parseFlatMap, parseMasterAddr, parsePeers, parseSentinelMaster } from "./sentinel";
import { compareVersions, parseVersion } from "./version";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const rec = JSON.parse(fixture("redis-7.0.15.json")) as Record<string, Record<string, unknown>>;

const onlyParseErrors = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ReplyParseError);
  }
};

describe("INFO", () => {
  it("round-trips any sections map (property)", () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,15}$/);
    const value = fc.stringMatching(/^[^\r\n]{0,30}$/).map((v) => v.trimEnd());
    const sections = fc.dictionary(fc.stringMatching(/^[a-z]{1,10}$/), fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), {
      minKeys: 1,
      maxKeys: 5,
    });
    fc.assert(
      fc.property(sections, (s) => {
        const text = Object.entries(s)
          .map(
            ([name, kv]) =>
              `# ${name[0]!.toUpperCase()}${name.slice(1)}\r\n${Object.entries(kv)
                .map(([k, v]) => `${k}:${v}`)
                .join("\r\n")}`,
          )
          .join("\r\n\r\n");
        expect(parseInfo(text)).toEqual(s);
      }),
    );
  });

  it("throws only ReplyParseError on garbage (property)", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.anything()), (g) => onlyParseErrors(() => parseInfo(g))));
    expect(() => parseInfo("hello world")).toThrow(ReplyParseError);
    expect(() => parseInfo(42)).toThrow(ReplyParseError);
  });

  it("reads the recorded 7.0.15 master and replica", () => {
    const m = parseInfo((rec.master as { info: string }).info);
    expect(m.server!.redis_version).toBe("7.0.15");
    expect(m.replication!.role).toBe("master");
    const replicas = parseInfoReplicas(m.replication);
    expect(replicas).toHaveLength(2);
    expect(replicas[0]!.host).toBe("localhost");
    expect(parseKeyspace(m.keyspace).map((k) => k.db)).toEqual([0, 1, 4]);
    const r = parseInfo((rec.replica as { info: string }).info);
    expect(r.replication!.master_link_status).toBe("up");
  });

  it("reads the 8.6.2 master and the 7.4.2 replica", () => {
    const m = parseInfo(fixture("info-8.6.2-master.txt"));
    expect(m.server!.redis_version).toBe("8.6.2");
    expect(parseKeyspace(m.keyspace)).toEqual([
      { db: 0, keys: 76, expires: 3 },
      { db: 1, keys: 22, expires: 0 },
      { db: 4, keys: 16, expires: 0 },
    ]);
    expect(parseInfoReplicas(m.replication)[0]).toMatchObject({ state: "wait_bgsave", port: 6379 });
    const r = parseInfo(fixture("info-7.4.2-replica.txt"));
    expect(r.replication!.master_link_status).toBe("down");
    expect(parseKeyspace(r.keyspace)).toEqual([]);
  });
});

describe("ROLE", () => {
  it("parses the recorded master, replica and sentinel forms", () => {
    const m = parseRole((rec.master as { role: unknown }).role);
    expect(m.role).toBe("master");
    if (m.role === "master") expect(m.replicas).toHaveLength(2);
    const r = parseRole((rec.replica as { role: unknown }).role);
    expect(r).toMatchObject({ role: "replica", masterHost: "localhost", state: "connected" });
    expect(parseRole((rec.sentinel as { role: unknown }).role)).toEqual({ role: "sentinel", masters: ["mymaster"] });
  });

  it("round-trips generated replies (property)", () => {
    const port = fc.integer({ min: 1, max: 65535 });
    const offset = fc.integer({ min: 0, max: 2 ** 40 });
    fc.assert(
      fc.property(offset, fc.array(fc.tuple(fc.domain(), port, offset), { maxLength: 5 }), (o, reps) => {
        const parsed = parseRole(["master", o, reps.map(([h, p, x]) => [h, String(p), String(x)])]);
        expect(parsed).toEqual({ role: "master", offset: o, replicas: reps.map(([host, p, x]) => ({ host, port: p, offset: x })) });
      }),
    );
  });

  it("throws only ReplyParseError on garbage (property)", () => {
    fc.assert(fc.property(fc.anything(), (g) => onlyParseErrors(() => parseRole(g))));
    expect(() => parseRole(["master", "x", []])).toThrow(ReplyParseError);
    expect(() => parseRole(["slave", "h"])).toThrow(ReplyParseError);
  });
});

describe("SENTINEL replies", () => {
  it("parse the recorded replies", () => {
    const s = rec.sentinel as Record<string, unknown>;
    const m = parseSentinelMaster(s.master);
    expect(m).toMatchObject({ name: "mymaster", host: "localhost", quorum: 2, numOtherSentinels: 2, numSlaves: 2 });
    expect(parsePeers(s.replicas, "r").every((p) => p.flags.includes("slave"))).toBe(true);
    expect(parsePeers(s.sentinels, "s")).toHaveLength(2);
    expect(parseMasterAddr(s.masterAddr)).toMatchObject({ host: "localhost" });
    expect(parseCkquorum(s.ckquorum).ok).toBe(true);
    expect(
      parseCkquorum(new Error("NOQUORUM 1 usable Sentinels. Not enough available Sentinels to reach the specified quorum")),
    ).toMatchObject({ ok: false });
  });

  it("keeps wire keys that look like JavaScript internals as plain keys", () => {
    const m = parseFlatMap(["__proto__", "x", "constructor", "y"], "x");
    expect(Object.keys(m)).toEqual(["__proto__", "constructor"]);
    expect(m["__proto__"]).toBe("x");
  });

  it("flat maps round-trip and garbage throws only ReplyParseError (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (d) => {
        expect(parseFlatMap(Object.entries(d).flat(), "x")).toEqual(d);
      }),
    );
    fc.assert(fc.property(fc.anything(), (g) => onlyParseErrors(() => parseSentinelMaster(g))));
    fc.assert(fc.property(fc.anything(), (g) => onlyParseErrors(() => parsePeers(g, "x"))));
    fc.assert(fc.property(fc.anything(), (g) => onlyParseErrors(() => parseMasterAddr(g))));
  });
});

describe("versions", () => {
  it("orders versions", () => {
    expect(compareVersions(parseVersion("7.4.2")!, parseVersion("8.6.2")!)).toBeLessThan(0);
    expect(compareVersions(parseVersion("8.6")!, parseVersion("8.6.0")!)).toBe(0);
    expect(parseVersion("unstable")).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.nat(99), { minLength: 1, maxLength: 4 }), (v) => compareVersions(parseVersion(v.join("."))!, v) === 0),
    );
  });
});
