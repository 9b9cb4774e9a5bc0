import { describe, expect, it } from "vitest";
import { hasRole, roleForGroups } from "./roles";

const mapping = { admin: ["Home Server Admins", "authentik Admins"], operator: ["Platform On-call"], viewer: ["Allow Login Users"] };

describe("roleForGroups", () => {
  it("gives the highest mapped role", () => {
    expect(roleForGroups(["Allow Login Users", "Platform On-call"], mapping)).toBe("operator");
    expect(roleForGroups(["authentik Admins"], mapping)).toBe("admin");
  });
  it("gives no role to a user in no mapped group", () => {
    expect(roleForGroups(["Guests"], mapping)).toBeNull();
    expect(roleForGroups([], mapping)).toBeNull();
  });
  it("matches group names exactly", () => {
    expect(roleForGroups(["home server admins"], mapping)).toBeNull();
  });
});

describe("hasRole", () => {
  it("orders viewer < operator < admin", () => {
    expect(hasRole("admin", "operator")).toBe(true);
    expect(hasRole("operator", "operator")).toBe(true);
    expect(hasRole("viewer", "operator")).toBe(false);
  });
});
