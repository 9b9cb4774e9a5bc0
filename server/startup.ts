import "server-only";
import { ConfigError, getConfig } from "./config";
import { allJobs } from "./jobs";
import { logger } from "./logger";
import { startJobs } from "./scheduler";
import { getDb } from "./store/db";

/** Refuse to start on a bad config, migrate the store, start the scheduled jobs. */
export async function startServer(): Promise<void> {
  try {
    getConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`switchboard: refusing to start.\n${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  await getDb();
  startJobs(allJobs());
  logger.info({ op: "startup" }, "switchboard started");
}
