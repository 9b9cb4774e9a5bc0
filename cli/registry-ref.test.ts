import { describe, expect, it } from "vitest";
import { parseImageRef } from "./registry-ref";

describe("parseImageRef", () => {
  it("splits host with port, nested repo and tag", () => {
    expect(parseImageRef("registry.example:5050/team/infra-ci:latest", false)).toEqual({
      url: "https://registry.example:5050",
      repo: "team/infra-ci",
      tag: "latest",
    });
  });
  it("uses http on loopback and defaults the tag", () => {
    expect(parseImageRef("127.0.0.1:5000/infra-ci", false)).toEqual({ url: "http://127.0.0.1:5000", repo: "infra-ci", tag: "latest" });
  });
  it("rejects nonsense", () => {
    expect(parseImageRef("no-slash", false)).toBeNull();
    expect(parseImageRef("host/UPPER:tag", false)).toBeNull();
  });
});
