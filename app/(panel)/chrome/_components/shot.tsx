/* eslint-disable @next/next/no-img-element -- authenticated JPEGs from our own route */
import { Age } from "@/components/ui/age";
import type { ChromeRun } from "@/lib/chrome/dto";
import { screenshotUrl } from "@/lib/queries/chrome";

/** One screenshot with its label and age; a placeholder that says why there is none. */
export function Shot({ run, label }: { run: ChromeRun | null; label: string }) {
  return (
    <figure className="grid min-w-0 gap-1">
      {run?.hasScreenshot ? (
        <a href={screenshotUrl(run.id)} target="_blank" rel="noreferrer">
          <img
            src={screenshotUrl(run.id)}
            alt={`${label} screenshot`}
            data-run-id={run.id}
            className="aspect-[16/10] w-full rounded border border-slate-200 bg-slate-100 object-cover object-top dark:border-slate-700 dark:bg-slate-800"
          />
        </a>
      ) : (
        <div className="flex aspect-[16/10] items-center justify-center rounded border border-dashed border-slate-300 p-2 text-center text-xs text-slate-600 dark:border-slate-600 dark:text-slate-400">
          {!run ? "No run yet" : run.verdict === "could-not-run" ? "No screenshot: the probe could not run" : "No screenshot for this run"}
        </div>
      )}
      <figcaption className="text-xs text-slate-600 dark:text-slate-400">
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
