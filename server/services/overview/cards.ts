import "server-only";
import type { OverviewCard } from "@/lib/overview/types";
import { getConfig } from "../../config";
import type { Db } from "../../store/db";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One card per area: configured or not, and the newest stored probe runs of its targets. */
export async function overviewCards(db: Db): Promise<OverviewCard[]> {
  const cfg = getConfig();
  const areas: (Omit<OverviewCard, "lastRun" | "failing" | "couldNotRun" | "checked" | "targetCount"> & { names: string[] })[] = [
    {
      area: "chrome",
      title: "Browser liveness",
      href: "/chrome",
      configured: cfg.chrome.checks.length > 0,
      targets: plural(cfg.chrome.checks.length, "check"),
      names: cfg.chrome.checks.map((c) => c.name),
    },
    {
      area: "registry",
      title: "Registry integrity",
      href: "/registry",
      configured: cfg.registries.length > 0,
      targets: plural(cfg.registries.length, "registry", "registries"),
      names: cfg.registries.map((r) => r.name),
    },
    {
      area: "redis",
      title: "Redis topology",
      href: "/redis",
      configured: cfg.redis.clusters.length > 0,
      targets: plural(cfg.redis.clusters.length, "cluster"),
      names: cfg.redis.clusters.map((c) => c.name),
    },
    {
      area: "ci",
      title: "CI rebuilds",
      href: "/ci",
      configured: cfg.ci !== undefined,
      targets: cfg.ci ? "Woodpecker" : "no CI",
      names: [],
    },
  ];
  return Promise.all(
    areas.map(async ({ names, ...a }) => {
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
      const current = names.map((n) => latestPerTarget.get(n)).filter((r) => r !== undefined);
      const latest = runs[0];
      return {
        ...a,
        lastRun: latest ? { status: latest.status, finishedAt: latest.finished_at, target: latest.target } : null,
        failing: current.filter((r) => r.status !== "ok" && r.status !== "could-not-run").length,
        couldNotRun: current.filter((r) => r.status === "could-not-run").length,
        checked: current.length,
        targetCount: names.length,
      };
    }),
  );
}
