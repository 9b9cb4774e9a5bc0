"use client";

import { useQuery } from "@tanstack/react-query";
import { ActionButton } from "@/components/actions/action-button";
import { Button } from "@/components/ui/button";
import { StateView } from "@/components/ui/state-view";
import type { ImageRef } from "@/lib/ci/dto";
import { ciKeys, rebuildPlanQuery, rebuildsQuery } from "@/lib/queries/ci";
import { rebuildImageAction } from "@/server/actions/ci";
import { RequestPreview } from "./request-preview";
import { RebuildStatus } from "./rebuild-status";

/**
 * "Rebuild through CI" for a broken image: the confirmation shows the exact request and the
 * other workflows it runs; the latest rebuild of the image is shown live below.
 */
export function RebuildButton({ registry, repo, tag }: ImageRef) {
  const image = { registry, repo, tag };
  const plan = useQuery(rebuildPlanQuery(image));
  const latest = useQuery(rebuildsQuery({ ...image, limit: 1 }));
  if (plan.isPending) return <StateView state={{ kind: "loading", label: "Loading the CI rebuild…" }} />;
  if (plan.isError)
    return (
      <StateView
        state={{ kind: "error", title: "CI rebuild unavailable", message: plan.error.message, retry: () => void plan.refetch() }}
      />
    );
  if (plan.data.kind === "not-configured")
    return <p className="text-sm text-slate-500">No CI pipeline is configured for this image (registries[].rebuild).</p>;
  const p = plan.data;
  const last = latest.data?.rebuilds[0];
  const running = last?.outcome === "watching";
  return (
    <section aria-label="Rebuild through CI" className="grid justify-items-start gap-2">
      {p.canRebuild ? (
        <ActionButton
          action={rebuildImageAction}
          input={image}
          label="Rebuild through CI"
          pendingLabel="Starting the pipeline…"
          variant="danger"
          invalidate={[ciKeys.all]}
          confirm={{ title: `Rebuild ${repo}:${tag} through CI`, resource: `${repo}:${tag}`, details: <RequestPreview plan={p} /> }}
          renderResult={(d) => (d.pipelineNumber === null ? d.message : `Pipeline #${d.pipelineNumber} started; watching it.`)}
        />
      ) : (
        <div className="grid gap-1">
          <Button variant="danger" disabled aria-describedby="rebuild-role">
            Rebuild through CI
          </Button>
          <p id="rebuild-role" className="text-sm text-slate-500">
            Rebuilding needs the operator role.
          </p>
        </div>
      )}
      {last ? <RebuildStatus r={last} canCancel={p.canRebuild && running} /> : null}
    </section>
  );
}
