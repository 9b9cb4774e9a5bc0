import "server-only";
import { getConfig } from "@/server/config";
import type { Job } from "@/server/scheduler";
import { runExposureCheck } from "./exposure";
import { runCheck } from "./run-check";

/** One job per configured check, plus the token-exposure check every 10 minutes. */
export function chromeJobs(): Job[] {
  const cfg = getConfig().chrome;
  const jobs: Job[] = cfg.checks.map((check) => ({
    name: `chrome-check:${check.name}`,
    intervalMs: check.interval,
    run: async (signal) => {
      await runCheck(check, { trigger: "schedule", signal });
    },
  }));
  if (cfg.service?.exposureCheck)
    jobs.push({ name: "chrome-exposure", intervalMs: 10 * 60_000, run: async () => void (await runExposureCheck()) });
  return jobs;
}
