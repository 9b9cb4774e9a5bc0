import { describe, expect, it } from "vitest";
import { ChromeSection } from "./chrome";

describe("chrome config section", () => {
  it("refuses a check URL that is not http(s), naming the key", () => {
    const r = ChromeSection.safeParse({ checks: [{ name: "bad", url: "file:///etc/passwd" }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["checks", 0, "url"]);
  });
  it("fills the defaults from the issue", () => {
    const c = ChromeSection.parse({
      service: { url: "ws://chrome:3000", tokenEnv: "CHROME_WS_TOKEN" },
      checks: [{ name: "a", url: "https://example.test/" }],
    });
    expect(c).toMatchObject({ concurrency: 2, fallback: false, queue: { maxWaiting: 10, maxWait: 30_000 } });
    expect(c.checks[0]).toMatchObject({ trapHosts: ["google.com"], timeout: 20_000, interval: 300_000, stealth: true });
  });
  it("watches 10 s after load for a trap when the check has trap hosts, not at all without, and honours an explicit settle", () => {
    const c = ChromeSection.parse({
      checks: [
        { name: "default", url: "https://example.test/" },
        { name: "no-traps", url: "https://example.test/", trapHosts: [] },
        { name: "explicit", url: "https://example.test/", settle: "3s" },
      ],
    });
    expect(c.checks.map((x) => x.settle)).toEqual([10_000, 0, 3_000]);
  });
  it("refuses an http URL for the service (it must be ws/wss)", () => {
    expect(ChromeSection.safeParse({ service: { url: "http://chrome:3000", tokenEnv: "T" } }).success).toBe(false);
  });
});
