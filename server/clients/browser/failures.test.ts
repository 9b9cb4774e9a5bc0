import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BrowserFailureError, classifyConnectError, isBrowserFailureError, scrubToken } from "./failures";
import { matchesTrapHost } from "./trap-hosts";

const opts = { panelVersion: "1.48.2", timeoutMs: 3000 };
const box =
  "browserType.connect: WebSocket error: ws://127.0.0.1:9333/SECRET 428 Precondition Required\n║ Playwright version mismatch: ║\n║   - server version: v1.49 ║\n║   - client version: v1.48 ║";

describe("classifyConnectError (messages as measured in the field notes)", () => {
  it("maps each failure to its kind", () => {
    expect(
      classifyConnectError(new Error("browserType.connect: WebSocket error: ws://127.0.0.1:9333/WRONG 400 Bad Request\nCall log:"), opts)
        .kind,
    ).toBe("bad-token");
    expect(classifyConnectError(new Error("browserType.connect: WebSocket error: connect ECONNREFUSED 127.0.0.1:9444"), opts).kind).toBe(
      "unreachable",
    );
    expect(classifyConnectError(new Error("browserType.connect: Timeout 3000ms exceeded.\nCall log:"), opts)).toMatchObject({
      kind: "timeout",
    });
    expect(classifyConnectError(new Error(box), opts)).toMatchObject({
      kind: "version-skew",
      serverVersion: "1.49",
      panelVersion: "1.48.2",
    });
  });
  it("never puts the URL or token into the message (property)", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/),
        fc.constantFrom("400 Bad Request", "connect ECONNREFUSED 1.2.3.4:1", "428 Precondition Required"),
        (token, tail) => {
          const f = classifyConnectError(new Error(`browserType.connect: WebSocket error: ws://h:1/${token} ${tail}`), opts);
          expect(f.message).not.toContain(token);
        },
      ),
    );
  });
  it("scrubs the token and ANSI colours from log text", () => {
    expect(scrubToken("\u001b[2m- <ws connecting> ws://h/abc123\u001b[22m", "abc123")).toBe("- <ws connecting> ws://h/<token>");
  });
});

describe("matchesTrapHost", () => {
  it("matches the host and its subdomains, or host:port exactly", () => {
    expect(matchesTrapHost("https://www.google.com/search", ["google.com"])).toBe(true);
    expect(matchesTrapHost("https://google.com.evil.test/", ["google.com"])).toBe(false);
    expect(matchesTrapHost("https://notgoogle.com/", ["google.com"])).toBe(false);
    expect(matchesTrapHost("http://127.0.0.1:4023/?from=auto", ["127.0.0.1:4023"])).toBe(true);
    expect(matchesTrapHost("http://127.0.0.1:4022/", ["127.0.0.1:4023"])).toBe(false);
    expect(matchesTrapHost("about:blank", ["google.com"])).toBe(false);
  });
});

describe("isBrowserFailureError", () => {
  it("recognises the error from another copy of the module (server bundles) by its shape, and nothing else", () => {
    const failure = { kind: "unreachable", message: "The browser service is unreachable." };
    class CopyOfBrowserFailureError extends Error {
      constructor(readonly failure: { kind: string; message: string }) {
        super(failure.message);
        this.name = "BrowserFailureError";
      }
    }
    expect(isBrowserFailureError(new BrowserFailureError({ kind: "timeout", message: "t" }))).toBe(true);
    expect(isBrowserFailureError(new CopyOfBrowserFailureError(failure))).toBe(true);
    expect(isBrowserFailureError(new CopyOfBrowserFailureError({ kind: "made-up", message: "x" }))).toBe(false);
    expect(isBrowserFailureError(new Error("The browser service is unreachable."))).toBe(false);
    expect(isBrowserFailureError({ name: "BrowserFailureError", failure })).toBe(false);
  });
});
