import { Card, CardTitle } from "@/components/ui/card";

/** Failures per run over time, as bars (grey = the run could not check). */
export function FailuresChart({ history }: { history: { at: string; failures: number; status: string }[] }) {
  const max = Math.max(1, ...history.map((h) => h.failures));
  return (
    <Card>
      <CardTitle>Failures over time</CardTitle>
      {history.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No runs yet.</p>
      ) : (
        <svg
          role="img"
          aria-label={`failures per run, last ${history.length} runs`}
          viewBox={`0 0 ${history.length * 6} 40`}
          className="mt-2 h-24 w-full"
          preserveAspectRatio="none"
        >
          {history.map((h, i) => {
            const height = h.status === "could-not-run" ? 40 : Math.max(1, (h.failures / max) * 40);
            const cls =
              h.status === "could-not-run" ? "fill-slate-300 dark:fill-slate-600" : h.failures ? "fill-red-500" : "fill-emerald-500";
            return (
              <rect key={h.at} x={i * 6} y={40 - height} width={5} height={height} className={cls}>
                <title>{`${h.at}: ${h.status === "could-not-run" ? "could not check" : `${h.failures} broken`}`}</title>
              </rect>
            );
          })}
        </svg>
      )}
    </Card>
  );
}
