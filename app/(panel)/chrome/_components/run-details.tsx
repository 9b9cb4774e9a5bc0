import type { ChromeRun } from "@/lib/chrome/dto";
import { formatDuration } from "@/lib/format";

const Item = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid gap-x-2 sm:flex">
    <dt className="shrink-0 text-slate-600 dark:text-slate-400">{label}</dt>
    <dd className="min-w-0 wrap-anywhere">{children}</dd>
  </div>
);

/** Why the verdict is what it is, then what the browser saw. */
export function RunDetails({ run }: { run: ChromeRun | null }) {
  if (!run) return <p className="text-sm text-slate-600 dark:text-slate-400">This check has not run yet.</p>;
  const t = run.timings;
  return (
    <div className="grid gap-2 text-sm">
      {run.reason ? (
        <p className="text-slate-800 dark:text-slate-200" data-testid="reason">
          {run.reason}
        </p>
      ) : null}
      {run.verdict === "could-not-run" ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          This is the probe&apos;s own problem: it says nothing about whether the page works.
        </p>
      ) : null}
      <dl className="grid gap-1">
        <Item label="Final URL">{run.finalUrl ?? "—"}</Item>
        {run.redirectChain.length > 1 ? <Item label="Redirects">{run.redirectChain.join(" → ")}</Item> : null}
        {run.consoleErrors.length ? <Item label="Console errors">{run.consoleErrors.slice(0, 3).join(" · ")}</Item> : null}
      </dl>
      {run.verdict !== "could-not-run" ? (
        <p className="flex flex-wrap gap-x-3 text-xs text-slate-600 dark:text-slate-400">
          <span>HTTP {run.status ?? "—"}</span>
          <span>{t.connectMs === 0 ? "connection reused" : `connect ${formatDuration(t.connectMs)}`}</span>
          <span>load {formatDuration(t.navigationMs)}</span>
          <span>screenshot {formatDuration(t.screenshotMs)}</span>
          {t.queuedMs !== null && t.queuedMs >= 50 ? <span>queued {formatDuration(t.queuedMs)}</span> : null}
          <span>total {formatDuration(t.totalMs)}</span>
          <span>
            {run.consoleErrors.length} console error{run.consoleErrors.length === 1 ? "" : "s"}
          </span>
        </p>
      ) : null}
    </div>
  );
}
