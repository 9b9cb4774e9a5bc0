import "server-only";
import { Counter, Gauge, type Registry } from "prom-client";
import { getConfig } from "@/server/config";
import { getPressureQueue } from "./pressure";
import { latestFinishedRuns } from "./runs";

const CONNECTION_KINDS = new Set(["unreachable", "bad-token", "version-skew", "timeout", "no-browser", "launch-failed"]);

/** Reads the latest stored runs into gauges; a scrape never starts a check. */
export async function collectChromeMetrics(registry: Registry): Promise<void> {
  const checks = getConfig().chrome.checks.map((c) => c.name);
  const runs = await latestFinishedRuns(checks);
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  const success = gauge("chrome_probe_success", "1 if the latest check of this page was ok.", ["check"]);
  const duration = gauge("chrome_probe_duration_seconds", "Duration of the latest check.", ["check"]);
  const lastRun = gauge("chrome_probe_last_run_timestamp_seconds", "When the latest check finished (unix seconds).", ["check"]);
  const tripped = gauge("chrome_probe_tripped", "1 if the page's anti-devtools trap fired in the latest check.", ["check"]);
  for (const run of runs) {
    success.set({ check: run.check }, run.verdict === "ok" ? 1 : 0);
    tripped.set({ check: run.check }, run.verdict === "tripped" ? 1 : 0);
    if (run.timings.totalMs !== null) duration.set({ check: run.check }, run.timings.totalMs / 1000);
    if (run.finishedAt) lastRun.set({ check: run.check }, Math.floor(Date.parse(run.finishedAt) / 1000));
  }
  const newest = [...runs]
    .filter((r) => r.failureKind !== "dropped")
    .sort((a, b) => (b.finishedAt ?? "").localeCompare(a.finishedAt ?? ""))[0];
  if (newest) {
    gauge("chrome_service_up", "1 if the latest check could reach the browser service.").set(
      newest.failureKind && CONNECTION_KINDS.has(newest.failureKind) ? 0 : 1,
    );
    gauge("chrome_service_version_skew", "1 if the browser service runs another Playwright major.minor than the panel.").set(
      newest.failureKind === "version-skew" ? 1 : 0,
    );
  }
  const q = getPressureQueue().stats();
  gauge("chrome_queue_running", "Checks running on the shared browser now.").set(q.running);
  gauge("chrome_queue_waiting", "Checks waiting for a slot on the shared browser.").set(q.queued);
  gauge("chrome_queue_limit", "Concurrency limit on the shared browser.").set(q.limit);
  new Counter({
    name: "chrome_queue_rejected_total",
    help: "Checks dropped by pressure control since the panel started.",
    registers: [registry],
  }).inc(q.rejected);
}
