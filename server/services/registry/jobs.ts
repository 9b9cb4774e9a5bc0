import "server-only";
import { getConfig } from "@/server/config";
import type { Job } from "@/server/scheduler";
import { runRegistryProbe } from "./run-probe";

/** One probe job per configured registry, at its own interval. */
export function registryJobs(): Job[] {
  return getConfig().registries.map((r) => ({
    name: `registry-probe:${r.name}`,
    intervalMs: r.interval,
    run: async (signal) => {
      await runRegistryProbe(r.name, "schedule", { signal });
    },
  }));
}
