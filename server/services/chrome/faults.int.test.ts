import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setupLabConfig } from "@/test/lab-config";
import { eventually, fault } from "@/test/lab";
import { BrowserClient, getBrowserClient, resetBrowserClientForTests } from "@/server/clients/browser";
import { countServerContexts, labChrome, remoteTarget } from "@/server/clients/browser/testing/lab-browser";
import { BrowserCheck } from "@/server/config/sections/chrome";
import { renderMetrics } from "@/server/metrics";
import { resetPressureQueueForTests } from "./pressure";
import { findCheck, runCheck } from "./run-check";

beforeAll(async () => {
  setupLabConfig();
  resetPressureQueueForTests();
  await resetBrowserClientForTests();
});
afterEach(async () => {
  await fault("chrome/skew", "heal");
  await fault("chrome/stop", "heal");
});
afterAll(() => resetBrowserClientForTests());

const healthy = () => findCheck("fixture-healthy");

describe("chrome-service outages and misconfiguration", () => {
  it("stopped service → could-not-run within the timeout; restarted → the next check reconnects and is ok", async () => {
    expect((await runCheck(healthy(), { trigger: "test" })).verdict).toBe("ok");
    await fault("chrome/stop", "inject");
    const t0 = Date.now();
    const down = await runCheck(healthy(), { trigger: "test" });
    expect(Date.now() - t0).toBeLessThan(healthy().timeout);
    expect(down).toMatchObject({ verdict: "could-not-run", failureKind: "unreachable", hasScreenshot: false });
    expect((await renderMetrics()).body).toMatch(/chrome_service_up 0/);
    await fault("chrome/stop", "heal");
    const back = await runCheck(healthy(), { trigger: "test" });
    expect(back.verdict).toBe("ok");
    expect(getBrowserClient().connection().reconnects).toBeGreaterThanOrEqual(1);
  });

  it("service killed mid-check → that check could-not-run, the next one reconnects", async () => {
    const marker = `mid-kill-${randomUUID()}`;
    const check = BrowserCheck.parse({
      name: "mid-kill",
      url: `${labChrome().facts.fixturesUrl}/healthy?${marker}`,
      settle: "20s",
      timeout: "10s",
    });
    const pending = runCheck(check, { trigger: "test" });
    await eventually(async () => (await countServerContexts(marker)) > 0, 15_000, "the check's page on the server");
    await fault("chrome/kill", "inject");
    const killed = await pending;
    expect(killed).toMatchObject({ verdict: "could-not-run", failureKind: "crashed" });
    await fault("chrome/kill", "heal");
    expect((await runCheck(healthy(), { trigger: "test" })).verdict).toBe("ok");
  });

  it("skewed server → version-skew state with both versions", async () => {
    await fault("chrome/skew", "inject");
    const run = await runCheck(healthy(), { trigger: "test" });
    const { pinned, skew } = labChrome().facts.versions;
    const minor = (v: string) => v.split(".").slice(0, 2).join(".");
    expect(run).toMatchObject({ verdict: "could-not-run", failureKind: "version-skew", serverVersion: minor(skew), panelVersion: pinned });
    expect(run.reason).toContain("Pin both to the same major.minor");
    expect(run.reason).toContain(minor(skew));
    expect(getBrowserClient().connection().serverVersion).toBe(minor(skew));
    expect((await renderMetrics()).body).toMatch(/chrome_service_version_skew 1/);
  });

  it("wrong token → bad-token, and the token appears nowhere in the result", async () => {
    const client = new BrowserClient(remoteTarget({ token: "not-the-token" }));
    const run = await runCheck(healthy(), { trigger: "test", client });
    expect(run).toMatchObject({ verdict: "could-not-run", failureKind: "bad-token" });
    expect(JSON.stringify(run)).not.toContain("not-the-token");
    expect(JSON.stringify(client.connection())).not.toContain(labChrome().token);
  });

  it("hung WebSocket (accepts TCP, never answers) → timeout after the connect timeout", async () => {
    const client = new BrowserClient(remoteTarget({ wsUrl: labChrome().facts.hungUrl, connectTimeoutMs: 1500 }));
    const t0 = Date.now();
    const run = await runCheck(healthy(), { trigger: "test", client });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(run).toMatchObject({ verdict: "could-not-run", failureKind: "timeout" });
  });

  it("100 checks in a row leave no context open on the server", async () => {
    const marker = `hundred-${randomUUID()}`;
    const check = BrowserCheck.parse({
      name: "hundred",
      url: `${labChrome().facts.fixturesUrl}/healthy?${marker}`,
      settle: "0s",
      expect: { selector: "#rendered" },
    });
    const client = new BrowserClient(remoteTarget());
    try {
      for (let i = 0; i < 100; i++) {
        const r = await client.visit({
          ...check,
          expect: check.expect,
          timeoutMs: check.timeout,
          settleMs: 0,
          quality: 40,
          thumbnailWidth: 160,
        });
        expect(r.crashed || r.expectationFailure !== null).toBe(false);
        // visit() returns before its context has finished closing: at most that one may still be open.
        if (i % 25 === 24) expect(await countServerContexts(marker)).toBeLessThanOrEqual(1);
      }
      await client.settleContexts();
      expect(await countServerContexts(marker)).toBe(0);
    } finally {
      await client.close();
    }
  }, 180_000);
});
