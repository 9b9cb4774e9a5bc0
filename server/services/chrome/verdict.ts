import "server-only";
import type { FailureKind, Verdict } from "@/lib/chrome/dto";

export interface VisitFacts {
  crashed: boolean;
  /** The browser stopped answering and the visit's watchdog gave up. */
  hung?: boolean;
  navigationError: string | null;
  status: number | null;
  expectationFailure: string | null;
  trapUrl: string | null;
  /** How long after the load event the trap fired, when known. */
  trapAfterLoadMs?: number | null;
  hasScreenshot: boolean;
  /** How long the check watched for a trap after load; null when it has no trap hosts. */
  trapWatchMs?: number | null;
}

const afterLoad = (ms: number | null | undefined) => (ms == null ? "" : ` ${(ms / 1000).toFixed(1)} s after the page loaded`);

const watched = (ms: number | null | undefined) =>
  ms === undefined ? "" : ms === null ? " (no trap hosts are configured)" : `; no trap fired in the ${(ms / 1000).toFixed(1)} s after load`;

export type Outcome = { verdict: Verdict; reason: string; failureKind: FailureKind | null };

/**
 * The verdict of one check. "could-not-run" is the probe's own problem and never says anything
 * about the site; "ok" needs every expectation met and a screenshot.
 */
export function decideVerdict(visit: VisitFacts, expect: { status?: number }, timeoutMs: number): Outcome {
  if (visit.crashed) {
    return {
      verdict: "could-not-run",
      reason: "The browser went away in the middle of the check (the service restarted or crashed).",
      failureKind: "crashed",
    };
  }
  if (visit.hung) {
    return {
      verdict: "could-not-run",
      reason: "The browser stopped answering in the middle of the check and the check gave up (the service may be overloaded or hung).",
      failureKind: "timeout",
    };
  }
  if (visit.trapUrl) {
    return {
      verdict: "tripped",
      reason: `The page's anti-devtools detector tripped${afterLoad(visit.trapAfterLoadMs)}: the page sent the browser to ${visit.trapUrl}, a configured trap host. Real visitors see the page; the probe was detected as automation.`,
      failureKind: null,
    };
  }
  if (visit.navigationError === "timeout")
    return { verdict: "failed", reason: `The page did not finish loading within ${timeoutMs} ms.`, failureKind: null };
  if (visit.navigationError)
    return { verdict: "failed", reason: `The page could not be loaded (${visit.navigationError}).`, failureKind: null };
  if (expect.status !== undefined && visit.status !== expect.status) {
    return { verdict: "failed", reason: `HTTP status ${visit.status ?? "none"}, expected ${expect.status}.`, failureKind: null };
  }
  if (expect.status === undefined && (visit.status === null || visit.status >= 400)) {
    return {
      verdict: "failed",
      reason: visit.status === null ? "The page returned no HTTP response." : `The page answered HTTP ${visit.status}.`,
      failureKind: null,
    };
  }
  if (visit.expectationFailure)
    return { verdict: "failed", reason: `The expectation was not met: ${visit.expectationFailure}.`, failureKind: null };
  if (!visit.hasScreenshot)
    return { verdict: "could-not-run", reason: "The page loaded but the browser could not take a screenshot.", failureKind: "crashed" };
  return { verdict: "ok", reason: `The page loaded and every expectation was met${watched(visit.trapWatchMs)}.`, failureKind: null };
}
