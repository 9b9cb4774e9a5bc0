import "server-only";
import { randomUUID } from "node:crypto";
import type { ChromeRun } from "@/lib/chrome/dto";
import { getBrowserClient, isBrowserFailureError, PANEL_PLAYWRIGHT_VERSION, type BrowserClient } from "@/server/clients/browser";
import { getConfig } from "@/server/config";
import type { BrowserCheck } from "@/server/config/sections/chrome";
import { NotFound } from "@/server/errors";
import { logger } from "@/server/logger";
import { getPressureQueue } from "./pressure";
import { finishRun, insertRunningRun, type RunSummary } from "./runs";
import { applyRetention, saveScreenshot } from "./screenshots";
import { decideVerdict } from "./verdict";

export function findCheck(name: string): BrowserCheck {
  const check = getConfig().chrome.checks.find((c) => c.name === name);
  if (!check) throw new NotFound(`There is no browser check named "${name}".`);
  return check;
}

const DROP_REASON = {
  "queue-full": "The shared browser is busy and the queue is full: this check was dropped.",
  "waited-too-long": "The shared browser stayed busy longer than the maximum queue wait: this check was dropped.",
} as const;

/** Runs one check through the pressure queue and stores the run and its screenshot. */
export async function runCheck(
  check: BrowserCheck,
  opts: { trigger: string; signal?: AbortSignal; client?: BrowserClient },
): Promise<ChromeRun> {
  const client = opts.client ?? getBrowserClient();
  const cfg = getConfig().chrome;
  const id = randomUUID();
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  // Written while the browser works; awaited before the run is finished.
  const inserted = insertRunningRun(id, check.name, opts.trigger, startedAt);
  inserted.catch(() => undefined);
  const base: RunSummary = {
    verdict: "could-not-run",
    reason: null,
    mode: client.target.mode,
    failureKind: null,
    serverVersion: null,
    panelVersion: PANEL_PLAYWRIGHT_VERSION,
    status: null,
    finalUrl: null,
    title: null,
    redirectChain: [],
    consoleErrors: [],
    trapUrl: null,
    timings: { queuedMs: null, connectMs: null, navigationMs: null, screenshotMs: null, totalMs: null, trapAfterLoadMs: null },
  };
  let summary: RunSummary = base;
  let shots: { full: Buffer; thumbnail: Buffer } | null = null;
  try {
    let queuedMs: number | null = null;
    const admitted = await getPressureQueue().run(check.name, (holdUntil) => {
      queuedMs = Date.now() - started;
      return client.visit(
        {
          url: check.url,
          expect: check.expect,
          trapHosts: check.trapHosts,
          viewport: check.viewport,
          timeoutMs: check.timeout,
          settleMs: check.settle,
          stealth: check.stealth,
          quality: cfg.screenshots.quality,
          thumbnailWidth: cfg.screenshots.thumbnailWidth,
        },
        opts.signal,
        holdUntil,
      );
    });
    if (!admitted.ok) {
      summary = { ...base, reason: DROP_REASON[admitted.reason], failureKind: "dropped" };
    } else {
      const v = admitted.value;
      const outcome = decideVerdict(
        {
          ...v,
          trapAfterLoadMs: v.timings.trapAfterLoadMs,
          hasScreenshot: v.screenshot !== null,
          trapWatchMs: check.trapHosts.length ? check.settle : null,
        },
        check.expect,
        check.timeout,
      );
      summary = {
        ...base,
        ...outcome,
        mode: v.mode,
        serverVersion: client.connection().serverVersion,
        status: v.status,
        finalUrl: v.finalUrl,
        title: v.title,
        redirectChain: v.redirectChain,
        consoleErrors: v.consoleErrors,
        trapUrl: v.trapUrl,
        timings: { ...v.timings, queuedMs, connectMs: v.connectMs, totalMs: null },
      };
      if (v.screenshot && v.thumbnail && !v.crashed && !v.hung) shots = { full: v.screenshot, thumbnail: v.thumbnail };
    }
  } catch (err) {
    if (isBrowserFailureError(err)) {
      const f = err.failure;
      summary = { ...base, reason: f.message, failureKind: f.kind, serverVersion: f.serverVersion ?? null };
    } else if (opts.signal?.aborted) {
      summary = { ...base, reason: "The check was cancelled because the panel is shutting down.", failureKind: "dropped" };
    } else {
      logger.error({ op: "chrome.check", check: check.name, err }, "browser check failed unexpectedly");
      summary = { ...base, reason: "The probe failed unexpectedly; the details are in the server log." };
    }
  }
  summary.timings.totalMs = Date.now() - started;
  await inserted;
  const [finishedAt] = await Promise.all([
    finishRun(id, summary),
    shots ? saveScreenshot(id, check.name, summary.verdict ?? "could-not-run", shots.full, shots.thumbnail) : null,
  ]);
  if (shots) await applyRetention(check.name, cfg.screenshots.keep);
  logger.info(
    {
      op: "chrome.check",
      check: check.name,
      trigger: opts.trigger,
      verdict: summary.verdict,
      kind: summary.failureKind,
      ms: summary.timings.totalMs,
    },
    "browser check finished",
  );
  return { ...summary, id, check: check.name, startedAt, finishedAt, running: false, trigger: opts.trigger, hasScreenshot: shots !== null };
}
