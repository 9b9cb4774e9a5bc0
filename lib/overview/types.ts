export interface OverviewCard {
  area: "chrome" | "registry" | "redis" | "ci";
  title: string;
  href: string;
  configured: boolean;
  /** What is configured, e.g. "3 checks", "2 registries". */
  targets: string;
  /** Latest stored run of this area's probes, if any. */
  lastRun: { status: string; finishedAt: string | null; target: string } | null;
  /** Targets whose latest run did not end ok. */
  failing: number;
  /** Targets with at least one finished run, of targetCount. */
  checked: number;
  targetCount: number;
}
