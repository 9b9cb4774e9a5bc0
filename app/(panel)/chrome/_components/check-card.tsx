"use client";

import { ActionButton } from "@/components/actions/action-button";
import { Card, CardTitle } from "@/components/ui/card";
import type { ChromeCheckCard, ChromeRun } from "@/lib/chrome/dto";
import { chromeKeys } from "@/lib/queries/chrome";
import { runChromeCheckAction } from "@/server/actions/chrome";
import { HistoryStrip } from "./history-strip";
import { RunDetails } from "./run-details";
import { Shot } from "./shot";
import { VerdictBadge, VERDICT_LABEL } from "./verdict";

export function CheckCard({ card, canRun }: { card: ChromeCheckCard; canRun: boolean }) {
  const inProgress = card.history[0]?.running ?? false;
  const latest = card.history.find((r) => !r.running) ?? null;
  const showGood = card.lastGood !== null && card.lastGood.id !== latest?.id;
  return (
    <Card aria-label={`Check ${card.name}`} data-check={card.name} data-verdict={latest?.verdict ?? "none"} className="min-w-0">
      <CardTitle
        right={
          <span className="flex gap-1">
            {inProgress ? <VerdictBadge run={card.history[0]!} /> : null}
            <VerdictBadge run={latest} />
          </span>
        }
      >
        <span className="wrap-anywhere">{card.name}</span>
      </CardTitle>
      <p className="-mt-2 mb-3 truncate text-xs text-slate-600 dark:text-slate-400" title={card.url}>
        {card.url}
      </p>
      <div className={showGood ? "grid grid-cols-2 gap-2" : "grid grid-cols-1"}>
        <Shot run={latest} label="Latest" />
        {showGood ? <Shot run={card.lastGood} label="Last good" /> : null}
      </div>
      <div className="mt-3">
        <RunDetails run={latest} />
      </div>
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
