"use client";

import { ActionButton } from "@/components/actions/action-button";
import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import type { Rebuild } from "@/lib/ci/dto";
import { OUTCOME_LABEL, OUTCOME_TONE } from "@/lib/ci/states";
import { ciKeys } from "@/lib/queries/ci";
import { cancelPipelineAction } from "@/server/actions/ci";

export function PipelineLink({ r }: { r: Rebuild }) {
  if (r.pipelineNumber === null || !r.pipelineUrl) return <span className="text-slate-500">no pipeline</span>;
  return (
    <a href={r.pipelineUrl} target="_blank" rel="noreferrer" className="font-mono underline">
      #{r.pipelineNumber}
    </a>
  );
}

/** One rebuild, live: pipeline state, outcome, the verification that followed; cancel while it runs. */
export function RebuildStatus({ r, canCancel }: { r: Rebuild; canCancel: boolean }) {
  const running = r.outcome === "watching";
  return (
    <div
      data-testid="rebuild-status"
      data-outcome={r.outcome}
      aria-live="polite"
      className="grid gap-2 justify-self-stretch rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={OUTCOME_TONE[r.outcome]}>{OUTCOME_LABEL[r.outcome]}</Badge>
        <span>
          Pipeline <PipelineLink r={r} />
          {r.state ? <span className="ml-1 text-slate-500">({r.state})</span> : null}
        </span>
        <span className="text-slate-500">
          by {r.actorName}, <Age iso={r.startedAt} />
        </span>
        {running ? <span className="size-3 animate-spin rounded-full border-2 border-blue-600 border-t-transparent" aria-hidden /> : null}
      </div>
      {r.message ? <p data-testid="rebuild-message">{r.message}</p> : null}
      {r.verification ? (
        <p className="text-slate-600 dark:text-slate-400">
          Verification (deep): <strong>{r.verification.status}</strong>
          {r.verification.findings ? `, ${r.verification.findings} open finding(s)` : ""}
          {r.verification.reason ? ` — ${r.verification.reason}` : ""}
        </p>
      ) : null}
      {running && canCancel ? (
        <div>
          <ActionButton
            action={cancelPipelineAction}
            input={{ id: r.id }}
            label="Cancel pipeline"
            variant="secondary"
            invalidate={[ciKeys.all]}
            renderResult={(d) => `Cancel sent for pipeline #${d.pipelineNumber}.`}
          />
        </div>
      ) : null}
    </div>
  );
}
