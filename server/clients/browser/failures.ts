import "server-only";

export const FAILURE_KINDS = ["unreachable", "bad-token", "version-skew", "timeout", "crashed", "no-browser", "launch-failed"] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** Why the probe could not run. `message` is safe to show; it never holds the token or a host. */
export interface BrowserFailure {
  kind: FailureKind;
  message: string;
  serverVersion?: string;
  panelVersion?: string;
}

export class BrowserFailureError extends Error {
  constructor(readonly failure: BrowserFailure) {
    super(failure.message);
    this.name = "BrowserFailureError";
  }
}

/**
 * Recognises a BrowserFailureError by shape: the Next.js server build can hold two copies of this
 * module (one per bundle), so `instanceof` alone misses errors thrown by the other copy.
 */
export function isBrowserFailureError(err: unknown): err is BrowserFailureError {
  if (err instanceof BrowserFailureError) return true;
  if (!(err instanceof Error) || err.name !== "BrowserFailureError") return false;
  const failure = (err as { failure?: { kind?: unknown; message?: unknown } }).failure;
  return (
    typeof failure?.kind === "string" && (FAILURE_KINDS as readonly string[]).includes(failure.kind) && typeof failure.message === "string"
  );
}

const ANSI = new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g");

/** Removes the token (and ANSI colours) from a Playwright message before it reaches a log. */
export function scrubToken(text: string, token: string | undefined): string {
  const plain = text.replace(ANSI, "");
  return token ? plain.split(token).join("<token>").split(encodeURIComponent(token)).join("<token>") : plain;
}

const majorMinor = (v: string) => /^v?(\d+\.\d+)/.exec(v)?.[1] ?? v;

/** Maps a `chromium.connect()` failure to our kinds (see field notes section 2 for each message). */
export function classifyConnectError(err: unknown, opts: { panelVersion: string; timeoutMs: number }): BrowserFailure {
  const text = (err instanceof Error ? err.message : String(err)).replace(ANSI, "");
  const firstLine = text.split("\n")[0] ?? "";
  if (/\b428\b/.test(firstLine) || /version mismatch/i.test(text)) {
    const server = /server version:\s*v?([\d.]+)/i.exec(text)?.[1] ?? "unknown";
    const client = majorMinor(opts.panelVersion);
    return {
      kind: "version-skew",
      serverVersion: server,
      panelVersion: opts.panelVersion,
      message: `Playwright version skew: the browser service runs ${server}, the panel ${client}. Pin both to the same major.minor.`,
    };
  }
  if (/\b(400|401|403|404)\b/.test(firstLine) && /WebSocket error/i.test(firstLine)) {
    return { kind: "bad-token", message: "The browser service refused the connection: the token (the WebSocket path) is wrong." };
  }
  if (/Timeout \d+ms exceeded/i.test(firstLine)) {
    return { kind: "timeout", message: `The browser service accepted the connection but did not answer within ${opts.timeoutMs} ms.` };
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ECONNRESET|socket hang up|WebSocket error|closed before/i.test(text)) {
    return { kind: "unreachable", message: "The browser service is unreachable (nothing answers on its port)." };
  }
  return { kind: "unreachable", message: "Connecting to the browser service failed." };
}

/** True when a Playwright error means the browser (not the page) went away. */
export function isBrowserGone(err: unknown): boolean {
  const text = err instanceof Error ? err.message : String(err);
  return /Target page, context or browser has been closed|Browser has been closed|browser has disconnected|Connection closed|websocket.*closed/i.test(
    text,
  );
}

export const crashedFailure = (): BrowserFailure => ({
  kind: "crashed",
  message: "The browser went away in the middle of the check (the service restarted or crashed).",
});
