import "server-only";
import { z } from "zod";
import { ChromeRun } from "@/lib/chrome/dto";
import { getDb, nowIso } from "@/server/store/db";

export const RUN_KIND = "chrome";

/** The part of ChromeRun kept in probe_runs.summary (the rest comes from the row). */
const Summary = ChromeRun.omit({
  id: true,
  check: true,
  startedAt: true,
  finishedAt: true,
  running: true,
  trigger: true,
  hasScreenshot: true,
});
export type RunSummary = z.infer<typeof Summary>;

const statusOf = (verdict: string) => (verdict === "ok" ? "ok" : verdict === "could-not-run" ? "could-not-run" : "failed");

export async function insertRunningRun(id: string, check: string, trigger: string, startedAt: string): Promise<void> {
  const db = await getDb();
  await db
    .insertInto("probe_runs")
    .values({
      id,
      kind: RUN_KIND,
      target: check,
      started_at: startedAt,
      finished_at: null,
      status: "running",
      trigger,
      summary: null,
      error: null,
    })
    .execute();
}

/** Stores the outcome and returns the finish time. */
export async function finishRun(id: string, summary: RunSummary): Promise<string> {
  const db = await getDb();
  const finishedAt = nowIso();
  await db
    .updateTable("probe_runs")
    .set({
      finished_at: finishedAt,
      status: statusOf(summary.verdict ?? "could-not-run"),
      summary: JSON.stringify(summary),
      error: summary.verdict === "ok" ? null : summary.reason,
    })
    .where("id", "=", id)
    .execute();
  return finishedAt;
}

type Row = {
  id: string;
  target: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  trigger: string;
  summary: string | null;
};

const EMPTY: RunSummary = {
  verdict: null,
  reason: null,
  mode: null,
  failureKind: null,
  serverVersion: null,
  panelVersion: null,
  status: null,
  finalUrl: null,
  title: null,
  redirectChain: [],
  consoleErrors: [],
  trapUrl: null,
  timings: { queuedMs: null, connectMs: null, navigationMs: null, screenshotMs: null, totalMs: null, trapAfterLoadMs: null },
};

export function toChromeRun(row: Row, hasScreenshot: boolean): ChromeRun {
  let summary = EMPTY;
  if (row.summary) {
    const parsed = Summary.safeParse(JSON.parse(row.summary));
    if (parsed.success) summary = parsed.data;
  }
  return {
    ...summary,
    id: row.id,
    check: row.target,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    running: row.status === "running",
    trigger: row.trigger,
    hasScreenshot,
  };
}

const COLUMNS = ["id", "target", "started_at", "finished_at", "status", "trigger", "summary"] as const;

export async function recentRuns(check: string, limit: number): Promise<Row[]> {
  const db = await getDb();
  return db
    .selectFrom("probe_runs")
    .select(COLUMNS)
    .where("kind", "=", RUN_KIND)
    .where("target", "=", check)
    .orderBy("started_at", "desc")
    .limit(limit)
    .execute();
}

export async function lastRunWithStatus(check: string, status: string): Promise<Row | undefined> {
  const db = await getDb();
  return db
    .selectFrom("probe_runs")
    .select(COLUMNS)
    .where("kind", "=", RUN_KIND)
    .where("target", "=", check)
    .where("status", "=", status)
    .orderBy("started_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function getRun(id: string): Promise<Row | undefined> {
  const db = await getDb();
  return db.selectFrom("probe_runs").select(COLUMNS).where("kind", "=", RUN_KIND).where("id", "=", id).executeTakeFirst();
}

/** Latest finished run per check, for metrics (never starts a probe). */
export async function latestFinishedRuns(checks: string[]): Promise<ChromeRun[]> {
  const out: ChromeRun[] = [];
  const db = await getDb();
  for (const check of checks) {
    const row = await db
      .selectFrom("probe_runs")
      .select(COLUMNS)
      .where("kind", "=", RUN_KIND)
      .where("target", "=", check)
      .where("status", "!=", "running")
      .orderBy("started_at", "desc")
      .limit(1)
      .executeTakeFirst();
    if (row) out.push(toChromeRun(row, false));
  }
  return out;
}
