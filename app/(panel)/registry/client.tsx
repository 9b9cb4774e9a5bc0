"use client";

import { useQuery } from "@tanstack/react-query";
import { StateView } from "@/components/ui/state-view";
import { registryOverviewQuery } from "@/lib/queries/registry";
import { RegistrySummary } from "./_components/registry-summary";
import { FindingsList } from "./_components/findings-list";
import { FailuresChart } from "./_components/failures-chart";
import { TagTable } from "./_components/tag-table";
import { GcPreflight } from "./_components/gc-preflight";

export function RegistryClientView({ canRun }: { canRun: boolean }) {
  const q = useQuery(registryOverviewQuery());
  if (q.isPending) return <StateView state={{ kind: "loading", label: "Loading registries…" }} />;
  if (q.isError) return <StateView state={{ kind: "error", message: q.error.message, retry: () => void q.refetch() }} />;
  if (q.data.length === 0)
    return (
      <StateView state={{ kind: "empty", title: "No registries are configured", hint: "Add them under registries in the config file." }} />
    );
  return (
    <div className="grid gap-8">
      {q.data.map((r) => (
        <section key={r.name} aria-label={`registry ${r.name}`} className="grid gap-4">
          <RegistrySummary data={r} canRun={canRun} />
          <FindingsList data={r} canRun={canRun} />
          <FailuresChart history={r.history} />
          <TagTable registry={r.name} />
          {r.kind === "private" ? <GcPreflight data={r} canRun={canRun} /> : null}
        </section>
      ))}
    </div>
  );
}
