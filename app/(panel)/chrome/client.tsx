"use client";

import { useQuery } from "@tanstack/react-query";
import { Age } from "@/components/ui/age";
import { StateView } from "@/components/ui/state-view";
import { chromeOverviewQuery } from "@/lib/queries/chrome";
import { CheckCard } from "./_components/check-card";
import { ConnectionPanel } from "./_components/connection-panel";

export function ChromeClient({ canRun }: { canRun: boolean }) {
  const q = useQuery(chromeOverviewQuery());
  if (q.isPending) return <StateView state={{ kind: "loading", label: "Loading browser checks…" }} />;
  if (q.isError) return <StateView state={{ kind: "error", message: q.error.message, retry: () => void q.refetch() }} />;
  const data = q.data;
  return (
    <div className="grid grid-cols-1 gap-4">
      <ConnectionPanel connection={data.connection} pressure={data.pressure} exposure={data.exposure} />
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Data as of <Age iso={data.generatedAt} />; refreshes every 5 seconds.
      </p>
      {data.checks.length === 0 ? (
        <StateView
          state={{ kind: "empty", title: "No browser checks are configured", hint: "Add them under chrome.checks in the config file." }}
        />
      ) : (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          {data.checks.map((card) => (
            <CheckCard key={card.name} card={card} canRun={canRun} />
          ))}
        </div>
      )}
    </div>
  );
}
