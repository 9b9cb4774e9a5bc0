import { Badge } from "@/components/ui/badge";
import type { Finding } from "@/lib/redis/snapshot";

const TONE = { critical: "bad", warning: "warn", info: "info" } as const;

/** Findings, most severe first (the server sorts them), each with why it matters and what to do. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) {
    return (
      <p className="text-sm text-emerald-700 dark:text-emerald-300" data-testid="no-findings">
        No findings: one master, sentinels agree, quorum OK.
      </p>
    );
  }
  return (
    <ul className="grid gap-3" aria-label="findings">
      {findings.map((f) => (
        <li key={f.id} data-kind={f.kind} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={TONE[f.severity]}>{f.severity}</Badge>
            <span className="font-medium">{f.title}</span>
          </div>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{f.explanation}</p>
          <p className="mt-1 text-sm">
            <span className="font-medium">Remedy: </span>
            {f.remedy}
          </p>
        </li>
      ))}
    </ul>
  );
}
