import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@/test/lab";
import { setupLabConfig } from "@/test/lab-config";
import { resetBrowserClientForTests } from "@/server/clients/browser";
import { labChrome, startImageDecoder } from "@/server/clients/browser/testing/lab-browser";
import { getConfig } from "@/server/config";
import { BrowserCheck } from "@/server/config/sections/chrome";
import { renderMetrics } from "@/server/metrics";
import { getDb } from "@/server/store/db";
import { runExposureCheck } from "./exposure";
import { getChromeOverview } from "./overview";
import { getPressureQueue, resetPressureQueueForTests } from "./pressure";
import { findCheck, runCheck } from "./run-check";
import { readScreenshot, screenshotsDir } from "./screenshots";

let decoder: Awaited<ReturnType<typeof startImageDecoder>>;
beforeAll(async () => {
  setupLabConfig((cfg) => {
    const chrome = cfg.chrome as { screenshots?: unknown };
    chrome.screenshots = { keep: 2 };
  });
  resetPressureQueueForTests();
  await resetBrowserClientForTests();
  decoder = await startImageDecoder();
});
afterAll(async () => {
  await decoder.close();
  await resetBrowserClientForTests();
});

const adHoc = (over: Record<string, unknown>) =>
  BrowserCheck.parse({ name: "ad-hoc", url: `${labChrome().facts.fixturesUrl}/healthy`, settle: "0s", ...over });

describe("browser checks against the lab's headed chrome-service", () => {
  it("healthy page → ok, with a real (not blank) screenshot and a smaller thumbnail", async () => {
    const run = await runCheck(findCheck("fixture-healthy"), { trigger: "test" });
    expect(run).toMatchObject({
      verdict: "ok",
      mode: "remote",
      status: 200,
      title: "Fixture: healthy",
      hasScreenshot: true,
      failureKind: null,
    });
    expect(run.finalUrl).toBe(`${labChrome().facts.fixturesUrl}/healthy`);
    expect(run.timings.navigationMs).toBeGreaterThan(0);
    const full = (await readScreenshot(run.id, "full"))!;
    const thumb = (await readScreenshot(run.id, "thumb"))!;
    const stats = await decoder.stats(full);
    expect(stats).toMatchObject({ width: 1280, height: 800 });
    expect(stats.colours).toBeGreaterThan(8);
    expect(stats.nonDominantShare).toBeGreaterThan(0.01);
    const thumbStats = await decoder.stats(thumb);
    expect(thumbStats.width).toBe(320);
    expect(thumbStats.colours).toBeGreaterThan(4);
  });

  it("500 page → failed with the status; slow page past its timeout → failed, not could-not-run", async () => {
    const broken = await runCheck(findCheck("fixture-broken"), { trigger: "test" });
    expect(broken).toMatchObject({ verdict: "failed", status: 500 });
    expect(broken.reason).toContain("HTTP 500");
    const slow = await runCheck(adHoc({ url: `${labChrome().facts.fixturesUrl}/slow?ms=5000`, timeout: "1s" }), { trigger: "test" });
    expect(slow.verdict).toBe("failed");
    expect(slow.reason).toContain("within 1000 ms");
  });

  it("a missing selector or a wrong title → failed and says which", async () => {
    const sel = await runCheck(adHoc({ expect: { selector: "#nope" }, timeout: "1s" }), { trigger: "test" });
    expect(sel.verdict).toBe("failed");
    expect(sel.reason).toContain("#nope");
    const title = await runCheck(adHoc({ expect: { title: "Something else" } }), { trigger: "test" });
    expect(title.verdict).toBe("failed");
    expect(title.reason).toContain('expected "Something else"');
  });

  it("the trap page without stealth → tripped, with the trap URL and an explanation", async () => {
    const check = findCheck("trap-manual-no-stealth");
    let run = await runCheck(check, { trigger: "test" });
    for (let i = 0; i < 4 && run.verdict !== "tripped"; i++) run = await runCheck(check, { trigger: "test" });
    expect(run.verdict).toBe("tripped");
    expect(new URL(run.trapUrl!).host).toBe(labChrome().facts.trapHost);
    expect(run.finalUrl).toBe(run.trapUrl);
    expect(run.redirectChain[0]).toContain("/trap-manual");
    expect(run.reason).toContain("anti-devtools detector tripped");
  });

  it("with trap hosts the check watches 10 s after load: a trap 3 s in is tripped, and the watch ends at the trip", async () => {
    const { fixturesUrl, trapHost } = labChrome().facts;
    const check = adHoc({
      name: "late-trap",
      url: `${fixturesUrl}/late-trap?ms=3000`,
      trapHosts: [trapHost],
      settle: undefined,
      expect: { selector: "#content" },
    });
    expect(check.settle).toBe(10_000);
    const run = await runCheck(check, { trigger: "test" });
    expect(run.verdict).toBe("tripped");
    expect(run.trapUrl).toContain("from=late");
    expect(run.timings.trapAfterLoadMs).toBeGreaterThanOrEqual(2_900);
    expect(run.timings.trapAfterLoadMs).toBeLessThan(10_000);
    expect(run.reason).toMatch(/tripped \d+\.\d s after the page loaded/);
    // Ended at the trip, not at the end of the window.
    expect(run.timings.totalMs! - run.timings.navigationMs! - run.timings.trapAfterLoadMs!).toBeLessThan(5_000);
    const full = (await readScreenshot(run.id, "full"))!;
    expect((await decoder.stats(full)).colours).toBeGreaterThan(1);
  });

  it("without trap hosts there is no watch window", async () => {
    const check = adHoc({ name: "no-traps", url: `${labChrome().facts.fixturesUrl}/late-trap?ms=8000`, trapHosts: [], settle: undefined });
    expect(check.settle).toBe(0);
    const run = await runCheck(check, { trigger: "test" });
    expect(run.verdict).toBe("ok");
    expect(run.finalUrl).toContain("/late-trap");
  });

  it("retention keeps the last N per check plus the last good and the last failed one", async () => {
    const check = adHoc({ name: "retention" });
    const failed = await runCheck({ ...check, expect: { ...check.expect, status: 418 } }, { trigger: "test" });
    expect(failed.verdict).toBe("failed");
    const oks = [];
    for (let i = 0; i < 3; i++) oks.push(await runCheck(check, { trigger: "test" }));
    const db = await getDb();
    const kept = (await db.selectFrom("chrome_screenshots").select("run_id").where("check_name", "=", "retention").execute())
      .map((r) => r.run_id)
      .sort();
    expect(kept).toEqual([failed.id, oks[1]!.id, oks[2]!.id].sort());
    expect(readdirSync(path.join(screenshotsDir(), "retention")).sort()).toEqual(
      kept.flatMap((id) => [`${id}.jpg`, `${id}.thumb.jpg`]).sort(),
    );
    expect(await readScreenshot(oks[0]!.id, "full")).toBeNull();
  });

  it("pressure control drops a check when the queue is full and counts it", async () => {
    const chrome = getConfig().chrome;
    const saved = { concurrency: chrome.concurrency, queue: chrome.queue };
    Object.assign(chrome, { concurrency: 1, queue: { maxWaiting: 0, maxWait: 1000 } });
    resetPressureQueueForTests();
    try {
      const [a, b] = await Promise.all([
        runCheck(adHoc({ name: "p1" }), { trigger: "test" }),
        runCheck(adHoc({ name: "p2" }), { trigger: "test" }),
      ]);
      expect([a.verdict, b.verdict].sort()).toEqual(["could-not-run", "ok"]);
      const dropped = a.verdict === "ok" ? b : a;
      expect(dropped.failureKind).toBe("dropped");
      // The slot stays taken until the ok check's context has closed on the server, then frees.
      await eventually(async () => getPressureQueue().stats().running === 0, 10_000, "the slot to free after the context closed");
      const overview = await getChromeOverview();
      expect(overview.pressure).toMatchObject({ limit: 1, rejected: 1, running: 0, queued: 0 });
      expect(overview.pressure.recentDropped[0]?.check).toBe(dropped.check);
    } finally {
      Object.assign(chrome, saved);
      resetPressureQueueForTests();
    }
  });

  it("raises the exposure finding: GET /json on the service reveals the token", async () => {
    const exposure = await runExposureCheck();
    expect(exposure).toMatchObject({ exposed: true, revealsToken: true, error: null });
    expect(JSON.stringify(exposure)).not.toContain(labChrome().token);
    expect((await getChromeOverview()).exposure?.revealsToken).toBe(true);
  });

  it("metrics and the overview come from stored runs and never carry the token", async () => {
    const { body } = await renderMetrics();
    expect(body).toMatch(/chrome_probe_success\{check="fixture-healthy"\} 1/);
    expect(body).toMatch(/chrome_probe_success\{check="fixture-broken"\} 0/);
    expect(body).toMatch(/chrome_probe_tripped\{check="trap-manual-no-stealth"\} 1/);
    expect(body).toMatch(/chrome_probe_duration_seconds\{check="fixture-healthy"\} \d/);
    expect(body).toMatch(/chrome_probe_last_run_timestamp_seconds\{check="fixture-healthy"\} \d{10}/);
    expect(body).toMatch(/chrome_service_up 1/);
    expect(body).toMatch(/chrome_service_version_skew 0/);
    expect(body).toMatch(/chrome_queue_rejected_total \d/);
    const overview = await getChromeOverview();
    const card = overview.checks.find((c) => c.name === "fixture-healthy")!;
    expect(card.latest?.verdict).toBe("ok");
    expect(card.lastGood?.id).toBe(card.latest?.id);
    expect(overview.connection).toMatchObject({ mode: "remote", connected: true, panelVersion: labChrome().facts.versions.pinned });
    expect(JSON.stringify(overview)).not.toContain(labChrome().token);
  });
});
