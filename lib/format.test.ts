import { describe, expect, it } from "vitest";
import { formatAge, formatDuration, formatTime } from "./format";

describe("formatAge", () => {
  const now = Date.parse("2026-12-04T12:00:00Z");
  it("says how old a datum is in words", () => {
    expect(formatAge("2026-12-04T11:59:58Z", now)).toBe("just now");
    expect(formatAge("2026-12-04T11:59:30Z", now)).toBe("30 s ago");
    expect(formatAge("2026-12-04T11:57:00Z", now)).toBe("3 min ago");
    expect(formatAge("2026-12-04T07:00:00Z", now)).toBe("5 h ago");
    expect(formatAge("2026-12-01T12:00:00Z", now)).toBe("3 d ago");
  });
  it("handles missing and malformed dates", () => {
    expect(formatAge(null, now)).toBe("never");
    expect(formatAge("yesterday", now)).toBe("unknown");
  });
});

describe("formatDuration / formatTime", () => {
  it("formats", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_340)).toBe("12.3 s");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
    expect(formatTime("2026-12-04T21:03:07.123Z")).toBe("2026-12-04 21:03:07 UTC");
  });
});
