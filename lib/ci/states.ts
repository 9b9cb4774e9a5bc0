type Tone = "ok" | "warn" | "bad" | "info" | "muted";

/** Woodpecker's pipeline states. */
export const PIPELINE_STATES = [
  "pending",
  "running",
  "success",
  "failure",
  "killed",
  "canceled",
  "error",
  "blocked",
  "declined",
  "skipped",
  "created",
] as const;
export type PipelineState = (typeof PIPELINE_STATES)[number];

const TERMINAL = new Set<string>(["success", "failure", "killed", "canceled", "error", "declined", "skipped"]);

/** A pipeline in one of these states will not change any more. */
export const isTerminalState = (state: string): boolean => TERMINAL.has(state);

/** "killed" is what Woodpecker reports for a canceled pipeline; newer versions say "canceled". */
export const isCanceledState = (state: string): boolean => state === "killed" || state === "canceled";

/** What a rebuild came to. */
export const REBUILD_OUTCOMES = [
  "watching",
  "fixed",
  "still-broken",
  "not-verified",
  "pipeline-failed",
  "canceled",
  "nothing-ran",
  "gave-up",
  "watch-failed",
] as const;
export type RebuildOutcome = (typeof REBUILD_OUTCOMES)[number];

export const OUTCOME_LABEL: Record<RebuildOutcome, string> = {
  watching: "pipeline running",
  fixed: "fixed and verified",
  "still-broken": "still broken",
  "not-verified": "could not verify",
  "pipeline-failed": "pipeline failed",
  canceled: "canceled",
  "nothing-ran": "nothing ran",
  "gave-up": "gave up watching",
  "watch-failed": "lost the pipeline",
};

export const OUTCOME_TONE: Record<RebuildOutcome, Tone> = {
  watching: "info",
  fixed: "ok",
  "still-broken": "bad",
  "not-verified": "warn",
  "pipeline-failed": "bad",
  canceled: "muted",
  "nothing-ran": "warn",
  "gave-up": "warn",
  "watch-failed": "warn",
};
