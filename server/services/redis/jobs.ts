import "server-only";
import { getConfig } from "@/server/config";
import type { Job } from "@/server/scheduler";
import { currentSnapshot } from "./snapshot-cache";

/** One job collects every interval; viewers share its snapshot (or trigger the same single flight). */
export function redisJobs(): Job[] {
  const section = getConfig().redis;
  if (section.clusters.length === 0) return [];
  return [
    {
      name: "redis-topology",
      intervalMs: section.interval,
      run: async (signal) => {
        await currentSnapshot({ maxAgeMs: section.interval / 2, signal });
      },
    },
  ];
}
