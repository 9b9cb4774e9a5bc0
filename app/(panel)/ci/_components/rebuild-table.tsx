"use client";

import { ActionButton } from "@/components/actions/action-button";
import { PipelineLink } from "@/components/ci/rebuild-status";
import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import type { Rebuild } from "@/lib/ci/dto";
import { OUTCOME_LABEL, OUTCOME_TONE } from "@/lib/ci/states";
import { ciKeys } from "@/lib/queries/ci";
import { cancelPipelineAction } from "@/server/actions/ci";

export function RebuildTable({ rebuilds, canCancel }: { rebuilds: Rebuild[]; canCancel: boolean }) {
  return (
    <div className="-mx-4 overflow-x-auto">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">Rebuilds, newest first</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase dark:border-slate-800">
          <tr>
            <th className="p-2 pl-4">Image</th>
            <th className="p-2">Pipeline</th>
            <th className="p-2">Outcome</th>
            <th className="p-2">Started by</th>
            <th className="p-2">Verification</th>
          </tr>
        </thead>
        <tbody>
          {rebuilds.map((r) => (
            <tr
              key={r.id}
              data-testid="rebuild-row"
              data-outcome={r.outcome}
              className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800"
            >
              <td className="p-2 pl-4 font-mono text-xs break-all">
                {r.registry}/{r.repo}:{r.tag}
                <div className="text-slate-500">
                  {r.ciRepo} @ {r.branch}
                </div>
              </td>
              <td className="p-2 whitespace-nowrap">
                <PipelineLink r={r} />
                {r.state ? <div className="text-xs text-slate-500">{r.state}</div> : null}
              </td>
              <td className="p-2">
                <Badge tone={OUTCOME_TONE[r.outcome]}>{OUTCOME_LABEL[r.outcome]}</Badge>
                {r.message ? <p className="mt-1 max-w-md text-xs text-slate-600 dark:text-slate-400">{r.message}</p> : null}
                {r.outcome === "watching" && canCancel ? (
                  <div className="mt-1">
                    <ActionButton
                      action={cancelPipelineAction}
                      input={{ id: r.id }}
                      label="Cancel"
                      variant="secondary"
                      invalidate={[ciKeys.all]}
                    />
                  </div>
                ) : null}
              </td>
              <td className="p-2">
                {r.actorName}
                <div className="text-xs text-slate-500">
                  <Age iso={r.startedAt} />
                </div>
              </td>
              <td className="p-2">
                {r.verification ? (
                  <Badge tone={r.verification.status === "intact" ? "ok" : r.verification.status === "broken" ? "bad" : "warn"}>
                    {r.verification.status}
                  </Badge>
                ) : (
                  <span className="text-xs text-slate-500">{r.outcome === "watching" ? "after the pipeline" : "none"}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
