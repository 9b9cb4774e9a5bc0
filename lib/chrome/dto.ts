import { z } from "zod";

export const Verdict = z.enum(["ok", "tripped", "failed", "could-not-run"]);
export type Verdict = z.infer<typeof Verdict>;

export const FailureKind = z.enum([
  "unreachable",
  "bad-token",
  "version-skew",
  "timeout",
  "crashed",
  "no-browser",
  "launch-failed",
  "dropped",
]);
export type FailureKind = z.infer<typeof FailureKind>;

/** What one browser check found; stored as the probe run's summary and sent to the page. */
export const ChromeRun = z.object({
  id: z.string(),
  check: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  running: z.boolean(),
  trigger: z.string(),
  verdict: Verdict.nullable(),
  reason: z.string().nullable(),
  mode: z.enum(["remote", "fallback", "none"]).nullable(),
  failureKind: FailureKind.nullable(),
  serverVersion: z.string().nullable(),
  panelVersion: z.string().nullable(),
  status: z.number().nullable(),
  finalUrl: z.string().nullable(),
  title: z.string().nullable(),
  redirectChain: z.array(z.string()),
  consoleErrors: z.array(z.string()),
  trapUrl: z.string().nullable(),
  timings: z.object({
    connectMs: z.number().nullable(),
    navigationMs: z.number().nullable(),
    screenshotMs: z.number().nullable(),
    totalMs: z.number().nullable(),
    /** Time spent waiting for a slot on the shared browser (included in totalMs). */
    queuedMs: z.number().nullable().default(null),
    /** When a trap fired: how long after the load event. */
    trapAfterLoadMs: z.number().nullable().default(null),
  }),
  hasScreenshot: z.boolean(),
});
export type ChromeRun = z.infer<typeof ChromeRun>;

export const ChromeCheckCard = z.object({
  name: z.string(),
  url: z.string(),
  intervalMs: z.number(),
  latest: ChromeRun.nullable(),
  lastGood: ChromeRun.nullable(),
  history: z.array(ChromeRun),
});
export type ChromeCheckCard = z.infer<typeof ChromeCheckCard>;

export const ChromeConnection = z.object({
  mode: z.enum(["remote", "fallback", "none"]),
  host: z.string().nullable(),
  connected: z.boolean(),
  connectedSince: z.string().nullable(),
  browserVersion: z.string().nullable(),
  panelVersion: z.string(),
  serverVersion: z.string().nullable(),
  lastFailure: z.object({ kind: z.string(), message: z.string(), at: z.string() }).nullable(),
  reconnects: z.number(),
});
export type ChromeConnection = z.infer<typeof ChromeConnection>;

export const ChromePressure = z.object({
  limit: z.number(),
  running: z.number(),
  queued: z.number(),
  rejected: z.number(),
  maxWaiting: z.number(),
  maxWaitMs: z.number(),
  recentDropped: z.array(z.object({ check: z.string(), at: z.string(), reason: z.string() })),
});
export type ChromePressure = z.infer<typeof ChromePressure>;

export const ChromeExposure = z.object({
  exposed: z.boolean(),
  revealsToken: z.boolean(),
  checkedAt: z.string(),
  error: z.string().nullable(),
});
export type ChromeExposure = z.infer<typeof ChromeExposure>;

export const ChromeOverview = z.object({
  generatedAt: z.string(),
  connection: ChromeConnection,
  pressure: ChromePressure,
  exposure: ChromeExposure.nullable(),
  checks: z.array(ChromeCheckCard),
});
export type ChromeOverview = z.infer<typeof ChromeOverview>;

export const RunCheckInput = z.object({ check: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a check name") });
export type RunCheckInput = z.infer<typeof RunCheckInput>;
