import "server-only";
import type { Browser, BrowserContext, Page, Response } from "playwright";
import { isBrowserGone } from "./failures";
import { STEALTH_SCRIPT } from "./stealth";
import { matchesTrapHost } from "./trap-hosts";
import { captureScreenshots } from "./screenshot";

export interface VisitSpec {
  url: string;
  expect: { selector?: string; title?: string; status?: number };
  trapHosts: string[];
  viewport: { width: number; height: number };
  timeoutMs: number;
  /** Trap watch window, counted from the load event; ends early when a trap fires. */
  settleMs: number;
  stealth: boolean;
  quality: number;
  thumbnailWidth: number;
}

export interface VisitResult {
  /** The browser went away during the visit: the probe could not run. */
  crashed: boolean;
  /** The browser stopped answering mid-visit and the watchdog gave up: the probe could not run. */
  hung: boolean;
  /** The target's navigation failure, e.g. "net::ERR_CONNECTION_REFUSED" or "timeout". */
  navigationError: string | null;
  status: number | null;
  finalUrl: string | null;
  redirectChain: string[];
  title: string | null;
  consoleErrors: string[];
  expectationFailure: string | null;
  trapUrl: string | null;
  timings: { navigationMs: number | null; screenshotMs: number | null; trapAfterLoadMs: number | null };
  screenshot: Buffer | null;
  thumbnail: Buffer | null;
}

const MAX_CONSOLE = 20;
const TRAP_LANDING_MS = 2_000;
const CLOSE_TIMEOUT_MS = 15_000;
const TITLE_TIMEOUT_MS = 5_000;
/** On top of the page timeout and the trap window: the trap landing, screenshot and thumbnail bounds. */
const WATCHDOG_SLACK_MS = 25_000;
const navCode = (err: unknown) => {
  const text = err instanceof Error ? err.message : String(err);
  if (/Timeout \d+ms exceeded/.test(text)) return "timeout";
  return /net::ERR_[A-Z_]+/.exec(text)?.[0] ?? "navigation failed";
};

function httpRedirects(res: Response | null): string[] {
  const chain: string[] = [];
  for (let req = res?.request().redirectedFrom() ?? null; req; req = req.redirectedFrom()) chain.unshift(req.url());
  return chain;
}

const emptyResult = (): VisitResult => ({
  crashed: false,
  hung: false,
  navigationError: null,
  status: null,
  finalUrl: null,
  redirectChain: [],
  title: null,
  consoleErrors: [],
  expectationFailure: null,
  trapUrl: null,
  timings: { navigationMs: null, screenshotMs: null, trapAfterLoadMs: null },
  screenshot: null,
  thumbnail: null,
});

/**
 * One check's page visit in a fresh context. The context is closed on every path; the close is
 * handed to `onClosing` instead of awaited, so the caller decides who waits for it.
 */
export async function visitPage(
  browser: Browser,
  spec: VisitSpec,
  signal?: AbortSignal,
  onClosing?: (closed: Promise<void>) => void,
): Promise<VisitResult> {
  const out = emptyResult();
  let context: BrowserContext | null = null;
  const onAbort = () => void context?.close().catch(() => undefined);
  signal?.addEventListener("abort", onAbort, { once: true });
  let overran = false;
  const watchdog = setTimeout(
    () => {
      overran = true;
      void context?.close().catch(() => undefined);
    },
    spec.timeoutMs + spec.settleMs + WATCHDOG_SLACK_MS,
  );
  try {
    context = await browser.newContext({ viewport: spec.viewport, locale: "en-US" });
    if (spec.stealth) await context.addInitScript(STEALTH_SCRIPT);
    const page = await context.newPage();
    const navigations: string[] = [];
    let loadedAt = Number.POSITIVE_INFINITY;
    let trapped: (url: string) => void = () => undefined;
    const trapHit = new Promise<string>((resolve) => (trapped = resolve));
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      navigations.push(frame.url());
      if (!out.trapUrl && matchesTrapHost(frame.url(), spec.trapHosts)) {
        out.trapUrl = frame.url();
        out.timings.trapAfterLoadMs = Number.isFinite(loadedAt) ? Date.now() - loadedAt : 0;
        trapped(frame.url());
      }
    });
    page.on(
      "console",
      (m) => void (m.type() === "error" && out.consoleErrors.length < MAX_CONSOLE && out.consoleErrors.push(m.text().slice(0, 300))),
    );
    page.on("pageerror", (e) => void (out.consoleErrors.length < MAX_CONSOLE && out.consoleErrors.push(e.message.slice(0, 300))));

    const deadline = Date.now() + spec.timeoutMs;
    const t0 = Date.now();
    const response = await page.goto(spec.url, { timeout: spec.timeoutMs, waitUntil: "load" }).catch((err: unknown) => {
      if (isBrowserGone(err) || !browser.isConnected()) throw err;
      out.navigationError = navCode(err);
      return null;
    });
    loadedAt = Date.now();
    out.timings.navigationMs = loadedAt - t0;
    out.status = response?.status() ?? null;
    if (!out.navigationError) {
      out.expectationFailure = await awaitExpectation(page, spec, deadline, trapHit);
      await watchForTrap(page, loadedAt + spec.settleMs, trapHit, out.trapUrl !== null, signal);
    }
    const t1 = Date.now();
    const [shots, title] = await Promise.all([
      captureScreenshots(context, page, spec).catch((err: unknown) => {
        if (isBrowserGone(err) || !browser.isConnected()) throw err;
        return null;
      }),
      boundedTitle(page),
    ]);
    out.timings.screenshotMs = Date.now() - t1;
    out.screenshot = shots?.full ?? null;
    out.thumbnail = shots?.thumbnail ?? null;
    out.finalUrl = page.url();
    out.title = title;
    out.redirectChain = dedupe([...httpRedirects(response), ...navigations]);
  } catch (err) {
    signal?.throwIfAborted();
    if (overran) out.hung = true;
    else if (isBrowserGone(err) || !browser.isConnected()) out.crashed = true;
    else throw err;
  } finally {
    clearTimeout(watchdog);
    signal?.removeEventListener("abort", onAbort);
    const closed = context ? closeContext(context) : Promise.resolve();
    if (onClosing) onClosing(closed);
    else await closed;
  }
  return out;
}

/** The page title, or null when the page doesn't answer (a busy or navigating page must not hang the check). */
async function boundedTitle(page: Page): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), TITLE_TIMEOUT_MS)));
  const title = await Promise.race([page.title().catch(() => null), gaveUp]);
  clearTimeout(timer);
  return title;
}

/** Closes the context; a close that never answers (a hung service) gives up, so a queue slot can't stay taken forever. */
async function closeContext(context: BrowserContext): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)));
  await Promise.race([context.close().catch(() => undefined), gaveUp]);
  clearTimeout(timer);
}

/**
 * Waits until `until` unless the trap fires (or the page goes away) first; after a trip, lets the
 * trap page load briefly for the screenshot.
 */
async function watchForTrap(
  page: Page,
  until: number,
  trapHit: Promise<string>,
  alreadyTripped: boolean,
  signal?: AbortSignal,
): Promise<void> {
  if (!alreadyTripped) {
    const left = until - Date.now();
    if (left <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    const hit = await Promise.race([
      trapHit.then(() => true),
      new Promise<false>((r) => {
        timer = setTimeout(() => r(false), left);
        signal?.addEventListener("abort", () => r(false), { once: true });
        page.once("close", () => r(false));
      }),
    ]);
    clearTimeout(timer);
    if (!hit) return;
  }
  await page.waitForLoadState("load", { timeout: TRAP_LANDING_MS }).catch((err: unknown) => {
    if (isBrowserGone(err)) throw err;
  });
}

async function awaitExpectation(page: Page, spec: VisitSpec, deadline: number, trapHit: Promise<string>): Promise<string | null> {
  const remaining = () => Math.max(1, deadline - Date.now());
  const { selector, title } = spec.expect;
  const wait = async (): Promise<string | null> => {
    if (selector) {
      const ok = await page
        .locator(selector)
        .first()
        .waitFor({ state: "visible", timeout: remaining() })
        .then(
          () => true,
          (err: unknown) => {
            if (isBrowserGone(err)) throw err;
            return false;
          },
        );
      if (!ok) return `the selector ${selector} did not become visible within ${spec.timeoutMs} ms`;
    }
    if (title !== undefined) {
      const actual = await page.title();
      if (actual !== title) return `the title is "${actual.slice(0, 120)}", expected "${title}"`;
    }
    return null;
  };
  const waiting = wait();
  waiting.catch(() => undefined);
  return Promise.race([waiting, trapHit.then(() => null)]);
}

function dedupe(urls: string[]): string[] {
  return urls.filter((u, i) => u !== "about:blank" && urls.indexOf(u) === i);
}
