import "server-only";
import { Gauge, type Registry } from "prom-client";
import { getConfig } from "@/server/config";
import { instanceLabel } from "./client-for";
import { latestRuns } from "./read-model";
import type { RunSummary } from "./run-probe";

/**
 * The old probe's gauges (same names, `instance` label) plus blobs checked and failures per repo,
 * all from stored runs: a scrape never starts a probe. No digest labels.
 */
export async function collectRegistryMetrics(registry: Registry): Promise<void> {
  const g = (name: string, help: string, labels = ["instance"]) => new Gauge({ name, help, labelNames: labels, registers: [registry] });
  const failures = g("registry_manifest_integrity_failures", "Broken tags found by the last walk (mirrors: never counts not-cached)");
  const catalog = g("registry_manifest_integrity_catalog_accessible", "1 if the last run could read the catalog");
  const repos = g("registry_manifest_integrity_repos_checked", "Repositories walked by the last walk");
  const tags = g("registry_manifest_integrity_tags_checked", "Tags walked by the last walk");
  const indexes = g("registry_manifest_integrity_indexes_checked", "Image indexes / manifest lists walked by the last walk");
  const lastRun = g("registry_manifest_integrity_last_run_timestamp", "Unix time the last walk finished");
  const blobs = g("registry_manifest_integrity_blobs_checked", "Unique blobs checked by the last walk");
  const repoFailures = g("registry_manifest_integrity_repo_failures", "Broken tags per repository in the last walk", ["instance", "repo"]);
  for (const target of getConfig().registries) {
    const instance = instanceLabel(target);
    const { lastRun: run, lastWalk } = await latestRuns(target.name);
    if (run) {
      const s = run.summary ? (JSON.parse(run.summary) as Partial<RunSummary>) : {};
      catalog.set({ instance }, s.catalogAccessible ? 1 : 0);
    }
    if (!lastWalk?.summary || !lastWalk.finished_at) continue;
    const s = JSON.parse(lastWalk.summary) as RunSummary;
    failures.set({ instance }, s.failures);
    repos.set({ instance }, s.counts?.repos ?? 0);
    tags.set({ instance }, s.counts?.tags ?? 0);
    indexes.set({ instance }, s.counts?.indexes ?? 0);
    blobs.set({ instance }, s.counts?.blobs ?? 0);
    lastRun.set({ instance }, Math.floor(Date.parse(lastWalk.finished_at) / 1000));
    for (const [repo, n] of Object.entries(s.repoFailures ?? {})) repoFailures.set({ instance, repo }, n);
  }
}
