"use client";

import { ActionButton } from "@/components/actions/action-button";
import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { RegistryOverview } from "@/lib/registry/dto";
import { registryKeys } from "@/lib/queries/registry";
import { runRegistryProbeAction } from "@/server/actions/registry";

const Stat = ({ label, value }: { label: string; value: React.ReactNode }) => (
  <div>
    <dt className="text-xs text-slate-500">{label}</dt>
    <dd className="text-lg font-semibold tabular-nums">{value}</dd>
  </div>
);

export function RegistrySummary({ data, canRun }: { data: RegistryOverview; canRun: boolean }) {
  const walk = data.lastWalk;
  const c = walk?.counts;
  const failures = walk?.failures ?? 0;
  const p = data.running?.progress;
  return (
    <Card>
      <CardTitle
        right={
          <div className="flex flex-wrap items-center gap-2">
            {data.kind === "mirror" ? <Badge tone="info">mirror</Badge> : null}
            {data.stale ? <Badge tone="warn">stale</Badge> : null}
            {data.catalogAccessible === false ? <Badge tone="bad">catalog inaccessible</Badge> : null}
            {walk ? (
              <Badge tone={failures ? "bad" : "ok"}>{failures ? `${failures} broken` : "intact"}</Badge>
            ) : (
              <Badge>never walked</Badge>
            )}
          </div>
        }
      >
        {data.name} <span className="text-sm font-normal text-slate-500">{data.instance}</span>
      </CardTitle>
      {data.lastRun?.status === "could-not-run" ? (
        <p role="alert" className="mt-2 rounded bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950/50 dark:text-red-200">
          Last run <Age iso={data.lastRun.finishedAt} /> could not check: {data.lastRun.reason ?? "unknown reason"}.{" "}
          {data.lastWalk ? "The results below are from the last completed walk and are stale." : "No walk has completed yet."}
        </p>
      ) : data.staleReason ? (
        <p role="status" className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          Stale: {data.staleReason}.
        </p>
      ) : null}
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        <Stat label="Failures" value={failures} />
        <Stat label="Catalog" value={data.catalogAccessible === null ? "—" : data.catalogAccessible ? "accessible" : "inaccessible"} />
        <Stat label="Repos" value={c?.repos ?? "—"} />
        <Stat label="Tags" value={c?.tags ?? "—"} />
        <Stat label="Indexes" value={c?.indexes ?? "—"} />
        <Stat label="Blobs" value={c?.blobs ?? "—"} />
        <Stat label="Duration" value={walk?.durationMs != null ? `${(walk.durationMs / 1000).toFixed(1)} s` : "—"} />
      </dl>
      <p className="mt-2 text-xs text-slate-500">
        Last walk {walk ? <Age iso={walk.finishedAt} /> : "never"} · mode {data.mode} · every {Math.round(data.intervalMs / 60000)} min
        {data.cacheHitRate !== null ? ` · cache hit rate ${(data.cacheHitRate * 100).toFixed(1)}%` : ""}
      </p>
      {p ? (
        <div role="status" aria-label="probe progress" className="mt-2 text-sm">
          <p>
            Walking ({data.running?.trigger.startsWith("action:") ? "started by hand" : "scheduled"}, <Age iso={data.running?.startedAt} />
            ): {p.reposDone}/{p.reposTotal} repos, {p.tagsDone}/{p.tagsTotal} tags, {p.requestsDone}/{p.requestsKnown} requests
          </p>
          <progress className="mt-1 h-2 w-full" max={Math.max(1, p.requestsKnown)} value={p.requestsDone} />
        </div>
      ) : data.running ? (
        <p role="status" className="mt-2 text-sm">
          A probe is starting (<Age iso={data.running.startedAt} />
          )…
        </p>
      ) : null}
      {canRun ? (
        <div className="mt-3">
          <ActionButton
            action={runRegistryProbeAction}
            input={{ registry: data.name }}
            label="Run probe now"
            pendingLabel="Walking…"
            variant="secondary"
            invalidate={[registryKeys.all]}
          />
        </div>
      ) : null}
    </Card>
  );
}
