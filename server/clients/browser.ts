import "server-only";
import { chromium, type Browser } from "playwright";
import pkg from "playwright/package.json";
import { getConfig, getSecret } from "../config";
import { logger } from "../logger";
import { BrowserFailureError, classifyConnectError, type BrowserFailure } from "./browser/failures";
import { visitPage, type VisitSpec, type VisitResult } from "./browser/visit";

export { BrowserFailureError, isBrowserFailureError, type BrowserFailure, type FailureKind } from "./browser/failures";
export type { VisitSpec, VisitResult } from "./browser/visit";
export { checkExposure, type Exposure } from "./browser/exposure";

export const PANEL_PLAYWRIGHT_VERSION: string = pkg.version;

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type BrowserTarget =
  | { mode: "remote"; wsUrl: string; token: string; connectTimeoutMs: number }
  | { mode: "fallback"; executablePath: string; connectTimeoutMs: number }
  | { mode: "none" };

/** What the connection panel shows: never the token. */
export interface ConnectionState {
  mode: "remote" | "fallback" | "none";
  host: string | null;
  connected: boolean;
  connectedSince: string | null;
  browserVersion: string | null;
  panelVersion: string;
  serverVersion: string | null;
  lastFailure: (BrowserFailure & { at: string }) | null;
  reconnects: number;
}

export type Acquired = { browser: Browser; connectMs: number; reused: boolean };

/** One shared connection to the browser, reused across checks and re-made after `disconnected`. */
export class BrowserClient {
  private browser: Browser | null = null;
  private pending: Promise<Acquired> | null = null;
  private readonly closing = new Set<Promise<void>>();
  private readonly state: ConnectionState;

  constructor(readonly target: BrowserTarget) {
    this.state = {
      mode: target.mode,
      host: target.mode === "remote" ? new URL(target.wsUrl).host : target.mode === "fallback" ? "in-process headless" : null,
      connected: false,
      connectedSince: null,
      browserVersion: null,
      panelVersion: PANEL_PLAYWRIGHT_VERSION,
      serverVersion: null,
      lastFailure: null,
      reconnects: 0,
    };
  }

  connection(): ConnectionState {
    return { ...this.state, connected: this.browser?.isConnected() ?? false };
  }

  /** The shared browser, connecting first if needed. Throws BrowserFailureError. */
  async acquire(signal?: AbortSignal): Promise<Acquired> {
    if (this.browser?.isConnected()) return { browser: this.browser, connectMs: 0, reused: true };
    this.pending ??= this.connect().finally(() => (this.pending = null));
    if (!signal) return this.pending;
    signal.throwIfAborted();
    return Promise.race([
      this.pending,
      new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true })),
    ]);
  }

  /**
   * Opens a fresh context on the shared browser, visits the page, always closes the context.
   * Returns without waiting for the close; `holdUntil` receives it (the pressure slot stays
   * taken until the context is gone) and `settleContexts()` waits for every close in flight.
   */
  async visit(
    spec: VisitSpec,
    signal?: AbortSignal,
    holdUntil?: (closed: Promise<void>) => void,
  ): Promise<VisitResult & { connectMs: number; mode: "remote" | "fallback" }> {
    const { browser, connectMs } = await this.acquire(signal);
    const result = await visitPage(browser, spec, signal, (closed) => {
      this.closing.add(closed);
      void closed.finally(() => this.closing.delete(closed));
      holdUntil?.(closed);
    });
    if (result.crashed)
      this.markFailure({
        kind: "crashed",
        message: "The browser went away in the middle of the check (the service restarted or crashed).",
      });
    if (result.hung) this.markFailure({ kind: "timeout", message: "The browser stopped answering in the middle of a check." });
    return { ...result, connectMs, mode: this.target.mode === "fallback" ? "fallback" : "remote" };
  }

  /** Resolves when every context this client opened has finished closing. */
  async settleContexts(): Promise<void> {
    while (this.closing.size) await Promise.allSettled([...this.closing]);
  }

  async close(): Promise<void> {
    await this.settleContexts();
    const b = this.browser;
    this.browser = null;
    await b?.close().catch(() => undefined);
  }

  private async connect(): Promise<Acquired> {
    const t = this.target;
    if (t.mode === "none") {
      const failure: BrowserFailure = {
        kind: "no-browser",
        message: "No browser service is configured and the in-process fallback is off.",
      };
      this.markFailure(failure);
      throw new BrowserFailureError(failure);
    }
    const started = Date.now();
    let browser: Browser;
    try {
      browser =
        t.mode === "remote"
          ? await chromium.connect(`${t.wsUrl.replace(/\/$/, "")}/${t.token}`, { timeout: t.connectTimeoutMs })
          : await chromium.launch({ executablePath: t.executablePath, headless: true, args: FLAGS, timeout: t.connectTimeoutMs });
    } catch (err) {
      const failure: BrowserFailure =
        t.mode === "remote"
          ? classifyConnectError(err, { panelVersion: PANEL_PLAYWRIGHT_VERSION, timeoutMs: t.connectTimeoutMs })
          : { kind: "launch-failed", message: "The in-process fallback browser could not be started." };
      this.markFailure(failure);
      throw new BrowserFailureError(failure);
    }
    const connectMs = Date.now() - started;
    if (this.state.connectedSince) this.state.reconnects += 1;
    this.browser = browser;
    Object.assign(this.state, {
      connectedSince: new Date().toISOString(),
      browserVersion: browser.version(),
      serverVersion:
        t.mode === "remote" ? `${PANEL_PLAYWRIGHT_VERSION.split(".").slice(0, 2).join(".")} (matches)` : PANEL_PLAYWRIGHT_VERSION,
      lastFailure: null,
    });
    browser.on("disconnected", () => {
      if (this.browser === browser) this.browser = null;
      logger.warn({ op: "browser.disconnected", host: this.state.host }, "browser disconnected; the next check reconnects");
    });
    logger.info({ op: "browser.connect", host: this.state.host, mode: t.mode, ms: connectMs }, "browser connected");
    return { browser, connectMs, reused: false };
  }

  private markFailure(failure: BrowserFailure) {
    this.state.lastFailure = { ...failure, at: new Date().toISOString() };
    if (failure.kind === "version-skew") this.state.serverVersion = failure.serverVersion ?? null;
    logger.warn({ op: "browser.failure", host: this.state.host, kind: failure.kind }, failure.message);
  }
}

/** The target from config: remote service, else fallback if allowed, else none. */
export function browserTargetFromConfig(): BrowserTarget {
  const chrome = getConfig().chrome;
  if (chrome.service) {
    return {
      mode: "remote",
      wsUrl: chrome.service.url,
      token: getSecret(chrome.service.tokenEnv),
      connectTimeoutMs: chrome.service.connectTimeout,
    };
  }
  if (chrome.fallback) return { mode: "fallback", executablePath: chrome.executablePath, connectTimeoutMs: 15_000 };
  return { mode: "none" };
}

const g = globalThis as typeof globalThis & { __switchboardBrowser?: BrowserClient };

export function getBrowserClient(): BrowserClient {
  g.__switchboardBrowser ??= new BrowserClient(browserTargetFromConfig());
  return g.__switchboardBrowser;
}

/** For tests: drop the shared client (and its connection). */
export async function resetBrowserClientForTests(): Promise<void> {
  const c = g.__switchboardBrowser;
  delete g.__switchboardBrowser;
  await c?.close();
}
