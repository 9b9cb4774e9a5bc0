/* eslint-disable @next/next/no-img-element -- authenticated JPEGs from our own route */
import type { ChromeRun } from "@/lib/chrome/dto";
import { formatTime } from "@/lib/format";
import { screenshotUrl } from "@/lib/queries/chrome";
import { VERDICT_BG, VERDICT_LABEL } from "./verdict";

const describe = (r: ChromeRun) => `${formatTime(r.startedAt)}: ${r.verdict ? VERDICT_LABEL[r.verdict] : "unknown"}`;

/** Oldest → newest: each run's thumbnail (when retention kept it) above its verdict bar. */
export function HistoryStrip({ runs }: { runs: ChromeRun[] }) {
  const ordered = [...runs].filter((r) => !r.running).reverse();
  if (!ordered.length) return null;
  return (
    <div className="grid min-w-0 grid-cols-1 gap-1">
      <p className="text-xs text-slate-600 dark:text-slate-400">History (oldest → newest)</p>
      <ol className="flex gap-1 overflow-x-auto pb-1" aria-label="Verdict timeline">
        {ordered.map((r) => (
          <li key={r.id} className="grid w-16 shrink-0 gap-1 sm:w-20" title={describe(r)}>
            {r.hasScreenshot ? (
              <a href={screenshotUrl(r.id)} target="_blank" rel="noreferrer">
                <img
                  src={screenshotUrl(r.id, "thumb")}
                  alt={`Thumbnail, ${r.verdict ?? "unknown"}`}
                  loading="lazy"
                  className="aspect-[16/10] w-full rounded border border-slate-200 bg-slate-100 object-cover object-top dark:border-slate-700 dark:bg-slate-800"
                />
              </a>
            ) : (
              <div className="flex aspect-[16/10] w-full items-center justify-center rounded border border-dashed border-slate-300 text-[10px] text-slate-600 dark:border-slate-600 dark:text-slate-400">
                no image
              </div>
            )}
            <span className={`h-2 rounded-sm ${r.verdict ? VERDICT_BG[r.verdict] : "bg-slate-200 dark:bg-slate-700"}`}>
              <span className="sr-only">{describe(r)}</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
