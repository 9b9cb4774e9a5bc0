import "server-only";
import type { OverviewCard } from "@/lib/overview/types";
import { getConfig } from "../../config";
import type { Db } from "../../store/db";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One card per area: configured or not, and the newest stored probe runs of its targets. */
export async function overviewCards(db: Db): Promise<OverviewCard[]> {
  const cfg = getConfig();
  const areas: Omit<OverviewCard, "lastRun" | "failing">[] = [
    { area: "chrome", title: "Browser liveness", href: "/chrome", configured: cfg.chrome.checks.length > 0, targets: plural(cfg.chrome.checks.length, "check") },
    { area: "registry", title: "Registry integrity", href: "/registry", configured: cfg.registries.length > 0, targets: plural(cfg.registries.length, "registry") },
    { area: "redis", title: "Redis topology", href: "/redis", configured: cfg.redis.clusters.length > 0, targets: plural(cfg.redis.clusters.length, "cluster") },
    { area: "ci", title: "CI rebuilds", href: "/ci", configured: cfg.ci !== undefined, targets: cfg.ci ? "Woodpecker" : "no CI" },
  ];
  return Promise.all(
    areas.map(async (a) => {
      const runs = await db
        .selectFrom("probe_runs")
        .select(["target", "status", "finished_at", "started_at"])
        .where("kind", "=", a.area)
        .where("finished_at", "is not", null)
        .orderBy("finished_at", "desc")
        .limit(200)
        .execute();
      const latestPerTarget = new Map<string, (typeof runs)[number]>();
      for (const r of runs) if (!latestPerTarget.has(r.target)) latestPerTarget.set(r.target, r);
      const latest = runs[0];
      return {
        ...a,
        lastRun: latest ? { status: latest.status, finishedAt: latest.finished_at, target: latest.target } : null,
        failing: [...latestPerTarget.values()].filter((r) => r.status !== "ok").length,
      };
    }),
  );
}
