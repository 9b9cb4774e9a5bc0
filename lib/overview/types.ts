export interface OverviewCard {
  area: "chrome" | "registry" | "redis" | "ci";
  title: string;
  href: string;
  configured: boolean;
  /** What is configured, e.g. "3 checks", "2 registries". */
  targets: string;
  /** Latest stored run of this area's probes, if any. */
  lastRun: { status: string; finishedAt: string | null; target: string } | null;
  /** Targets whose latest run found the target broken. */
  failing: number;
  /** Targets whose latest run could not check (the probe's own problem, not the target's). */
  couldNotRun: number;
  /** Targets with at least one finished run, of targetCount. */
  checked: number;
  targetCount: number;
}
