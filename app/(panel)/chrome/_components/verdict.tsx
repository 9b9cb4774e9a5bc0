import { Badge, type Tone } from "@/components/ui/badge";
import type { ChromeRun, Verdict } from "@/lib/chrome/dto";

export const VERDICT_TONE: Record<Verdict, Tone> = { ok: "ok", tripped: "warn", failed: "bad", "could-not-run": "muted" };
export const VERDICT_LABEL: Record<Verdict, string> = { ok: "ok", tripped: "tripped", failed: "failed", "could-not-run": "could not run" };
export const VERDICT_BG: Record<Verdict, string> = {
  ok: "bg-emerald-500",
  tripped: "bg-amber-500",
  failed: "bg-red-500",
  "could-not-run": "bg-slate-400",
};

export function VerdictBadge({ run }: { run: ChromeRun | null }) {
  if (!run) return <Badge tone="muted">never run</Badge>;
  if (run.running || !run.verdict) return <Badge tone="info">running…</Badge>;
  return (
    <Badge tone={VERDICT_TONE[run.verdict]}>
      {VERDICT_LABEL[run.verdict]}
      {run.mode === "fallback" ? " (fallback)" : ""}
    </Badge>
  );
}
