"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, CardTitle } from "@/components/ui/card";
import { StateView } from "@/components/ui/state-view";
import { Age } from "@/components/ui/age";
import { CI_LIST, rebuildsQuery } from "@/lib/queries/ci";
import { RebuildTable } from "./_components/rebuild-table";
import { LastVerified } from "./_components/last-verified";

export function CiClient({ canCancel }: { canCancel: boolean }) {
  const q = useQuery(rebuildsQuery(CI_LIST));
  if (q.isPending) return <StateView state={{ kind: "loading", label: "Loading rebuilds…" }} />;
  if (q.isError) return <StateView state={{ kind: "error", message: q.error.message, retry: () => void q.refetch() }} />;
  const d = q.data;
  return (
    <div className="grid gap-4">
      <Card>
        <CardTitle
          right={
            <span className="text-xs text-slate-500">
              updated <Age iso={d.generatedAt} />
            </span>
          }
        >
          Pipelines started from the panel
        </CardTitle>
        {d.rebuilds.length === 0 ? (
          <StateView
            state={{
              kind: "empty",
              title: "No rebuilds yet",
              hint: "Rebuild a broken image from the Registry page; its pipeline shows up here.",
            }}
          />
        ) : (
          <RebuildTable rebuilds={d.rebuilds} canCancel={canCancel} />
        )}
      </Card>
      <Card>
        <CardTitle>Last verification per image</CardTitle>
        {d.lastVerified.length === 0 ? (
          <StateView state={{ kind: "empty", title: "No image has been re-verified after a rebuild yet" }} />
        ) : (
          <LastVerified rebuilds={d.lastVerified} />
        )}
      </Card>
    </div>
  );
}
