import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRAP_SETTLE_MS } from "@/server/config/sections/chrome";
import type { BrowserClient, VisitSpec } from "../browser";
import { fallbackTarget, labChrome, newClient, remoteTarget } from "./testing/lab-browser";

const RUNS = 5;
const modes = [
  ["launch-server (headed)", remoteTarget],
  ["in-process headless", fallbackTarget],
] as const;

describe.each(modes)("the real disable-devtool trap pages through %s", (_label, target) => {
  let client: BrowserClient;
  beforeAll(async () => {
    client = newClient(target());
    await client.acquire();
  });
  afterAll(() => client.close());

  const spec = (path: string, stealth: boolean): VisitSpec => {
    const { facts } = labChrome();
    return {
      url: `${facts.fixturesUrl}${path}`,
      expect: { selector: "#content" },
      trapHosts: [facts.trapHost],
      viewport: { width: 1024, height: 640 },
      timeoutMs: 10_000,
      settleMs: TRAP_SETTLE_MS,
      stealth,
      quality: 50,
      thumbnailWidth: 200,
    };
  };
  /** Runs the page RUNS times (concurrently: each visit has its own context) and returns the trap URLs. */
  const trips = async (path: string, stealth: boolean) => {
    const results = await Promise.all(Array.from({ length: RUNS }, () => client.visit(spec(path, stealth))));
    expect(results.every((r) => !r.crashed && r.navigationError === null)).toBe(true);
    return results.map((r) => r.trapUrl).filter((u): u is string => u !== null);
  };

  it.each(["/trap-auto", "/trap-manual"])("%s trips without stealth (at least 3 of 5) and lands on the trap host", async (path) => {
    const urls = await trips(path, false);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const u of urls) expect(new URL(u).host).toBe(labChrome().facts.trapHost);
  });

  it.each(["/trap-auto", "/trap-manual"])("%s never trips with stealth (0 of 5)", async (path) => {
    expect(await trips(path, true)).toEqual([]);
  });
});
