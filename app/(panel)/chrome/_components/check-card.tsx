"use client";
/* eslint-disable @next/next/no-img-element -- authenticated JPEGs from our own route */

import { ActionButton } from "@/components/actions/action-button";
import { Age } from "@/components/ui/age";
import { Card, CardTitle } from "@/components/ui/card";
import type { ChromeCheckCard, ChromeRun } from "@/lib/chrome/dto";
import { formatDuration } from "@/lib/format";
import { chromeKeys, screenshotUrl } from "@/lib/queries/chrome";
import { runChromeCheckAction } from "@/server/actions/chrome";
import { HistoryStrip } from "./history-strip";
import { VerdictBadge, VERDICT_LABEL } from "./verdict";

function Shot({ run, label }: { run: ChromeRun | null; label: string }) {
  return (
    <figure className="grid gap-1">
      {run?.hasScreenshot ? (
        <a href={screenshotUrl(run.id)} target="_blank" rel="noreferrer">
          <img src={screenshotUrl(run.id)} alt={`${label} screenshot`} data-run-id={run.id} className="aspect-[16/10] w-full rounded border border-slate-200 object-cover dark:border-slate-700" />
        </a>
      ) : (
        <div className="flex aspect-[16/10] items-center justify-center rounded border border-dashed border-slate-300 p-2 text-center text-xs text-slate-500 dark:border-slate-700">
          {run ? "No screenshot for this run" : "No run yet"}
        </div>
      )}
      <figcaption className="text-xs text-slate-500">
        {label}
        {run?.finishedAt ? (
          <>
            {" · "}
            <Age iso={run.finishedAt} />
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}

export function CheckCard({ card, canRun }: { card: ChromeCheckCard; canRun: boolean }) {
  const latest = card.latest;
  const showGood = card.lastGood && card.lastGood.id !== latest?.id;
  return (
    <Card aria-label={`Check ${card.name}`} data-check={card.name}>
      <CardTitle right={<VerdictBadge run={latest} />}>{card.name}</CardTitle>
      <div className={showGood ? "grid grid-cols-2 gap-2" : "grid"}>
        <Shot run={latest} label="Latest" />
        {showGood ? <Shot run={card.lastGood} label="Last good" /> : null}
      </div>
      <dl className="mt-3 grid gap-1 text-sm">
        {latest?.reason ? <p className="text-slate-700 dark:text-slate-300" data-testid="reason">{latest.reason}</p> : null}
        <div className="flex flex-wrap gap-x-2">
          <dt className="text-slate-500">Final URL</dt>
          <dd className="break-all">{latest?.finalUrl ?? "—"}</dd>
        </div>
        {latest?.redirectChain && latest.redirectChain.length > 1 ? (
          <div className="flex flex-wrap gap-x-2">
            <dt className="text-slate-500">Redirects</dt>
            <dd className="break-all">{latest.redirectChain.join(" → ")}</dd>
          </div>
        ) : null}
        {latest && latest.verdict !== "could-not-run" ? (
          <div className="flex flex-wrap gap-x-4 text-xs text-slate-500">
            <span>HTTP {latest.status ?? "—"}</span>
            <span>connect {formatDuration(latest.timings.connectMs)}</span>
            <span>load {formatDuration(latest.timings.navigationMs)}</span>
            <span>screenshot {formatDuration(latest.timings.screenshotMs)}</span>
            <span>{latest.consoleErrors.length} console errors</span>
          </div>
        ) : null}
      </dl>
      <div className="mt-3">
        <HistoryStrip runs={card.history} />
      </div>
      {canRun ? (
        <div className="mt-3">
          <ActionButton
            action={runChromeCheckAction}
            input={{ check: card.name }}
            label="Check now"
            pendingLabel="Checking…"
            invalidate={[chromeKeys.all]}
            renderResult={(run: ChromeRun) => `Checked: ${run.verdict ? VERDICT_LABEL[run.verdict] : "unknown"}.`}
          />
        </div>
      ) : null}
    </Card>
  );
}
