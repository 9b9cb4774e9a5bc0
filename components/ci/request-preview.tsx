import type { RebuildPlan } from "@/lib/ci/dto";

type Ready = Extract<RebuildPlan, { kind: "ready" }>;

/** The exact HTTP call a rebuild makes, and what else the manual event starts. */
export function RequestPreview({ plan }: { plan: Ready }) {
  return (
    <div className="grid gap-3">
      <p>
        This starts a manual pipeline of <code className="font-mono">{plan.ciRepo}</code> on branch{" "}
        <code className="font-mono">{plan.branch}</code>:
      </p>
      <pre
        data-testid="rebuild-request"
        className="overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs break-words whitespace-pre-wrap dark:bg-slate-800"
      >
        {`${plan.method} ${plan.url}\nAuthorization: Bearer ••••••\nContent-Type: application/json\n\n${JSON.stringify(plan.body, null, 2)}`}
      </pre>
      {plan.lookupError ? (
        <p className="text-amber-800 dark:text-amber-300">
          The repository id could not be looked up just now ({plan.lookupError}); the rebuild looks it up again.
        </p>
      ) : null}
      {plan.alsoRuns.length > 0 ? (
        <div
          role="alert"
          data-testid="also-runs"
          className="rounded-md bg-amber-50 p-3 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
        >
          <p className="font-medium">A manual event runs every workflow of this repository that accepts it. This also runs:</p>
          <ul className="mt-1 list-disc pl-5 font-mono text-xs">
            {plan.alsoRuns.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-slate-600 dark:text-slate-400">No other workflow is known to run on a manual event of this repository.</p>
      )}
    </div>
  );
}
