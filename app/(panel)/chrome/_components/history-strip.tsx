/* eslint-disable @next/next/no-img-element -- authenticated JPEGs from our own route */
import type { ChromeRun } from "@/lib/chrome/dto";
import { screenshotUrl } from "@/lib/queries/chrome";
import { formatTime } from "@/lib/format";
import { VERDICT_BG, VERDICT_LABEL } from "./verdict";

/** Oldest → newest: a verdict timeline with the thumbnails that retention kept. */
export function HistoryStrip({ runs }: { runs: ChromeRun[] }) {
  const ordered = [...runs].filter((r) => !r.running).reverse();
  if (!ordered.length) return null;
  return (
    <div aria-label="History" className="grid gap-1">
      <ol className="flex gap-1 overflow-x-auto pb-1" aria-label="Recent screenshots">
        {ordered.map((r) => (
          <li key={r.id} className="shrink-0">
            {r.hasScreenshot ? (
              <a href={screenshotUrl(r.id)} target="_blank" rel="noreferrer" title={`${formatTime(r.startedAt)}: ${r.verdict ? VERDICT_LABEL[r.verdict] : ""}`}>
                <img src={screenshotUrl(r.id, "thumb")} alt={`Thumbnail, ${r.verdict ?? "unknown"}`} loading="lazy" className="h-12 w-20 rounded border border-slate-200 object-cover dark:border-slate-700" />
              </a>
            ) : (
              <div className="flex h-12 w-20 items-center justify-center rounded border border-dashed border-slate-300 text-[10px] text-slate-500 dark:border-slate-700">
                no image
              </div>
            )}
          </li>
        ))}
      </ol>
      <ol className="flex gap-1" aria-label="Verdict timeline">
        {ordered.map((r) => (
          <li key={r.id} title={`${formatTime(r.startedAt)}: ${r.verdict ? VERDICT_LABEL[r.verdict] : ""}`} className={`h-2 w-20 shrink-0 rounded-sm ${r.verdict ? VERDICT_BG[r.verdict] : "bg-slate-200"}`}>
            <span className="sr-only">{r.verdict}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
