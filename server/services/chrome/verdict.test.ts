import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decideVerdict, type VisitFacts } from "./verdict";

const clean: VisitFacts = {
  crashed: false,
  navigationError: null,
  status: 200,
  expectationFailure: null,
  trapUrl: null,
  hasScreenshot: true,
};

describe("decideVerdict", () => {
  it("ok only when everything held", () => {
    expect(decideVerdict(clean, {}, 1000).verdict).toBe("ok");
    expect(decideVerdict({ ...clean, trapWatchMs: 10_000 }, {}, 1000).reason).toContain("no trap fired in the 10.0 s after load");
    expect(decideVerdict({ ...clean, trapWatchMs: null }, {}, 1000).reason).toContain("no trap hosts are configured");
  });
  it("a crash is the probe's problem, whatever else happened", () => {
    expect(decideVerdict({ ...clean, crashed: true, status: 500, trapUrl: "https://google.com/" }, {}, 1000)).toMatchObject({
      verdict: "could-not-run",
      failureKind: "crashed",
    });
  });
  it("a hung browser is the probe's problem (a timeout), never the site's", () => {
    expect(decideVerdict({ ...clean, hung: true, status: 200 }, {}, 1000)).toMatchObject({
      verdict: "could-not-run",
      failureKind: "timeout",
    });
  });
  it("a trap hit is tripped and names the URL", () => {
    const o = decideVerdict({ ...clean, trapUrl: "https://www.google.com/" }, {}, 1000);
    expect(o.verdict).toBe("tripped");
    expect(o.reason).toContain("https://www.google.com/");
  });
  it("HTTP errors, wrong expected status, timeouts and unmet expectations are failed", () => {
    expect(decideVerdict({ ...clean, status: 500 }, {}, 1000).verdict).toBe("failed");
    expect(decideVerdict({ ...clean, status: 200 }, { status: 204 }, 1000).verdict).toBe("failed");
    expect(decideVerdict({ ...clean, status: 503 }, { status: 503 }, 1000).verdict).toBe("ok");
    expect(decideVerdict({ ...clean, navigationError: "timeout", status: null }, {}, 1000).reason).toContain("1000 ms");
    expect(decideVerdict({ ...clean, expectationFailure: "the selector #x did not become visible" }, {}, 1000).verdict).toBe("failed");
  });
  it("never green without a screenshot, a response and met expectations (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          crashed: fc.boolean(),
          navigationError: fc.option(fc.constantFrom("timeout", "net::ERR_CONNECTION_REFUSED")),
          status: fc.option(fc.integer({ min: 100, max: 599 })),
          expectationFailure: fc.option(fc.string()),
          trapUrl: fc.option(fc.webUrl()),
          hasScreenshot: fc.boolean(),
        }),
        fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
        (facts, status) => {
          const o = decideVerdict(facts, { status }, 1000);
          if (o.verdict === "ok") {
            expect(facts.crashed || facts.trapUrl || facts.navigationError || facts.expectationFailure || !facts.hasScreenshot).toBeFalsy();
            expect(facts.status).not.toBeNull();
            if (status === undefined) expect(facts.status!).toBeLessThan(400);
            else expect(facts.status).toBe(status);
          }
          if (facts.crashed) expect(o.verdict).toBe("could-not-run");
        },
      ),
    );
  });
});
