export interface OverviewCard {
  area: "chrome" | "registry" | "redis" | "ci";
  title: string;
  href: string;
  configured: boolean;
  /** What is configured, e.g. "3 checks", "2 registries". */
  targets: string;
  /** Latest stored run of this area's probes, if any. */
  lastRun: { status: string; finishedAt: string | null; target: string } | null;
  failing: number;
}
