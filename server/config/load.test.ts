import { describe, expect, it } from "vitest";
import { parseConfig } from "./load";

const env = { SECRET: "s", REDIS_PASSWORD: "p" };
const base = `
auth:
  issuer: https://auth.example.test/application/o/switchboard
  clientId: switchboard
  clientSecretEnv: SECRET
`;

describe("parseConfig", () => {
  it("accepts a minimal file with empty sections and fills defaults", () => {
    const r = parseConfig(base, env);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.registries).toEqual([]);
    expect(r.config.redis.clusters).toEqual([]);
    expect(r.config.chrome.concurrency).toBe(2);
    expect(r.config.auth.sessionMaxAge).toBe(8 * 3600 * 1000);
    expect(r.config.auth.roles.admin).toEqual(["Home Server Admins", "authentik Admins"]);
    expect(r.secrets.get("SECRET")).toBe("s");
  });

  it("names the key path of a wrong type", () => {
    const r = parseConfig(
      `${base}
redis:
  clusters:
    - { name: old, nodes: ["127.0.0.1:17000"] }
    - name: v2
      nodes: ["127.0.0.1:17100"]
      sentinels: [{ host: 127.0.0.1, port: "27100" }]
`,
      env,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain("redis.clusters[1].sentinels[0].port: expected number");
  });

  it("names an unknown key", () => {
    const r = parseConfig(`${base}\nregistries:\n  - { name: private, url: "http://127.0.0.1:5000", colour: blue }\n`, env);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(["registries[0].colour: unknown key"]);
  });

  it("names a missing secret env var", () => {
    const r = parseConfig(base, {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(["auth.clientSecretEnv: environment variable SECRET is not set"]);
  });

  it("explains malformed YAML, bad durations and a trailing-slash issuer", () => {
    const bad = parseConfig("auth: [unclosed", env);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/^line \d+:/);
    const dur = parseConfig(`${base}  sessionMaxAge: forever\n`, env);
    if (!dur.ok) expect(dur.errors[0]).toBe('auth.sessionMaxAge: expected a duration like 30s, 15m or 1h, got "forever"');
    const slash = parseConfig(base.replace("switchboard\n", "switchboard/\n"), env);
    if (!slash.ok) expect(slash.errors[0]).toMatch(/^auth\.issuer: the issuer must not end with a slash/);
    expect([dur.ok, slash.ok]).toEqual([false, false]);
  });

  it("refuses a required section that is missing", () => {
    const r = parseConfig("store: { sqlite: ./x.db }\n", env);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain("auth: required (expected object)");
  });
});
