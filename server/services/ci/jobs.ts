import "server-only";
import { getConfig } from "@/server/config";
import { acquireLock } from "@/server/locks";
import { logger } from "@/server/logger";
import type { Job } from "@/server/scheduler";
import { getDb } from "@/server/store/db";
import { isWatching, LEASE_TTL_MS, startWatch } from "./finish-rebuild";
import { watchingRows } from "./rebuilds-store";
import { leaseKey } from "./target";

/** Picks up watches whose process went away (their lease expired), so no rebuild stays "running" forever. */
export function ciJobs(): Job[] {
  if (!getConfig().ci?.woodpecker) return [];
  return [
    {
      name: "ci-resume-watches",
      intervalMs: 20_000,
      run: async () => {
        const db = await getDb();
        for (const row of await watchingRows(db)) {
          if (isWatching(row.id)) continue;
          const lease = await acquireLock(
            db,
            leaseKey(row.repo_id, row.branch),
            { id: row.actor, name: row.actor_name, runId: row.id },
            LEASE_TTL_MS,
          );
          if (!lease.ok) continue;
          logger.info({ op: "ci.watch", rebuild: row.id, pipeline: row.pipeline_number }, "resuming the watch of a rebuild");
          startWatch(row.id, lease.token);
        }
      },
    },
  ];
}
