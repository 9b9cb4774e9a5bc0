import "server-only";
import type { Job } from "./scheduler";
import { chromeJobs } from "./services/chrome/jobs";
import { registryJobs } from "./services/registry/jobs";
import { ciJobs } from "./services/ci/jobs";
import { redisJobs } from "./services/redis/jobs";

/** Every scheduled job of the panel, from each area's config. Each area adds its own factory here. */
export function allJobs(): Job[] {
  return [...chromeJobs(), ...registryJobs(), ...ciJobs(), ...redisJobs()];
}
