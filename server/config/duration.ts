import { z } from "zod";

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses "500ms", "30s", "15m", "1h", "1d" into milliseconds; null if malformed. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!m) return null;
  return Math.round(Number(m[1]) * UNITS[m[2]!]!);
}

/** A config duration written as "15m" / "30s"; becomes milliseconds. */
export const duration = (fallback?: string) => {
  const base = z.string().transform((s, ctx) => {
    const ms = parseDuration(s);
    if (ms === null) {
      ctx.addIssue({ code: "custom", message: `expected a duration like 30s, 15m or 1h, got "${s}"` });
      return z.NEVER;
    }
    return ms;
  });
  return fallback === undefined ? base : base.prefault(fallback);
};
