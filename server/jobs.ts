import "server-only";
import type { Job } from "./scheduler";
import { chromeJobs } from "./services/chrome/jobs";

/** Every scheduled job of the panel, from each area's config. Each area adds its own factory here. */
export function allJobs(): Job[] {
  return [...chromeJobs()];
}
