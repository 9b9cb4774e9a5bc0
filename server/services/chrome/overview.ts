import "server-only";
import type { ChromeOverview } from "@/lib/chrome/dto";
import { getBrowserClient } from "@/server/clients/browser";
import { getConfig } from "@/server/config";
import { latestExposure } from "./exposure";
import { getPressureQueue } from "./pressure";
import { lastRunWithStatus, recentRuns, toChromeRun } from "./runs";
import { screenshotRunIds } from "./screenshots";

const HISTORY = 12;

/** Everything the chrome page shows, from the store and in-memory state: it never starts a check. */
export async function getChromeOverview(): Promise<ChromeOverview> {
  const cfg = getConfig().chrome;
  const checks = await Promise.all(
    cfg.checks.map(async (check) => {
      const [rows, good] = await Promise.all([recentRuns(check.name, HISTORY), lastRunWithStatus(check.name, "ok")]);
      const withShots = await screenshotRunIds([...rows.map((r) => r.id), ...(good ? [good.id] : [])]);
      const history = rows.map((r) => toChromeRun(r, withShots.has(r.id)));
      return {
        name: check.name,
        url: check.url,
        intervalMs: check.interval,
        latest: history[0] ?? null,
        lastGood: good ? toChromeRun(good, withShots.has(good.id)) : null,
        history,
      };
    }),
  );
  const connection = getBrowserClient().connection();
  return {
    generatedAt: new Date().toISOString(),
    connection: {
      ...connection,
      lastFailure: connection.lastFailure
        ? { kind: connection.lastFailure.kind, message: connection.lastFailure.message, at: connection.lastFailure.at }
        : null,
    },
    pressure: getPressureQueue().stats(),
    exposure: await latestExposure(),
    checks,
  };
}
