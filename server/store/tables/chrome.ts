/** Tables owned by the chrome area (added by its migrations). Runs live in probe_runs (kind "chrome"). */
export interface ChromeScreenshotTable {
  /** The probe run's id: one screenshot per run. */
  run_id: string;
  check_name: string;
  verdict: string;
  created_at: string;
  /** Paths relative to the screenshots directory. */
  file: string;
  thumb_file: string;
  bytes: number;
  thumb_bytes: number;
}

export interface ChromeTables {
  chrome_screenshots: ChromeScreenshotTable;
}
