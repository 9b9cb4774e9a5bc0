/**
 * Panel check vs a bare Playwright script doing connect + goto + screenshot, against the lab's
 * headed chrome-service; then checks per minute at the concurrency limit. One JSON line on stdout.
 * Run: npx tsx bench/chrome.ts   (needs a lab: npm run lab -- --profile <p> --only oidc,chrome)
 */
import { spawnSync } from "node:child_process";

process.env.LOG_LEVEL ??= "silent";
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const r = spawnSync(process.execPath, [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const N = 21;
const BURST = 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const { setupLabConfig: pointAtLab } = await import("../test/lab-config");
  const lab = pointAtLab();
  const { chromium } = await import("playwright");
  const { getConfig } = await import("../server/config");
  const { BrowserCheck } = await import("../server/config/sections/chrome");
  const { runCheck } = await import("../server/services/chrome/run-check");
  const { resetBrowserClientForTests } = await import("../server/clients/browser");
  const { resetPressureQueueForTests } = await import("../server/services/chrome/pressure");
  const facts = lab.services.chrome as { wsUrl: string; fixturesUrl: string };
  const url = `${facts.fixturesUrl}/healthy`;
  const wsEndpoint = `${facts.wsUrl}/${lab.env.CHROME_WS_TOKEN}`;
  // The same work on both sides: goto (load) + a JPEG of the viewport at the configured quality;
  // no selector, no trap watch. The panel still checks the status, writes files and rows.
  const check = BrowserCheck.parse({ name: "bench", url, trapHosts: [], viewport: { width: 1280, height: 800 } });
  const quality = getConfig().chrome.screenshots.quality;

  const bareCheck = async () => {
    const t0 = performance.now();
    const browser = await chromium.connect(wsEndpoint, { timeout: 10_000 });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(url, { timeout: 10_000 });
    await page.screenshot({ type: "jpeg", quality });
    await browser.close();
    return performance.now() - t0;
  };
  const panelCheck = async () => {
    const t0 = performance.now();
    const run = await runCheck(check, { trigger: "bench" });
    const ms = performance.now() - t0;
    if (run.verdict !== "ok") throw new Error(`panel check was ${run.verdict}: ${run.reason}`);
    if (process.env.BENCH_DEBUG) process.stderr.write(`${JSON.stringify(run.timings)}\n`);
    return ms;
  };

  const bare: number[] = [];
  const panel: number[] = [];
  await bareCheck();
  await panelCheck(); // warms the panel's shared connection
  for (let i = 0; i < N; i++) {
    // Alternate the order so neither side always runs right after the other's cleanup.
    if (i % 2 === 0) {
      bare.push(await bareCheck());
      panel.push(await panelCheck());
    } else {
      panel.push(await panelCheck());
      bare.push(await bareCheck());
    }
    if (process.env.BENCH_DEBUG) process.stderr.write(`bare=${Math.round(bare.at(-1)!)} panel=${Math.round(panel.at(-1)!)}\n`);
  }

  const limit = getConfig().chrome.concurrency;
  Object.assign(getConfig().chrome.queue, { maxWaiting: BURST });
  resetPressureQueueForTests();
  const t2 = performance.now();
  const burst = await Promise.all(Array.from({ length: BURST }, () => runCheck(check, { trigger: "bench" })));
  const burstMs = performance.now() - t2;
  await resetBrowserClientForTests();

  const panelMedian = median(panel);
  const bareMedian = median(bare);
  process.stdout.write(
    JSON.stringify({
      bench: "chrome",
      runs: N,
      panel_check_median_ms: Math.round(panelMedian),
      bare_script_median_ms: Math.round(bareMedian),
      ratio: Number((panelMedian / bareMedian).toFixed(2)),
      goal_ratio: 1.2,
      panel_beats_bare: panelMedian < bareMedian,
      concurrency: limit,
      burst_checks: BURST,
      burst_ok: burst.filter((r) => r.verdict === "ok").length,
      checks_per_minute: Math.round((BURST / burstMs) * 60_000),
    }) + "\n",
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
