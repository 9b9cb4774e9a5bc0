import { asRole, expect, test } from "../fixtures";
import { loginThroughOidc } from "../login";

test.describe("login and roles", () => {
  for (const role of ["admin", "operator", "viewer"] as const) {
    test.describe(role, () => {
      test.use(asRole(role));
      test(`${role} sees the panel with their role`, async ({ page }) => {
        await page.goto("/");
        await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
        await expect(page.getByTestId("current-role")).toHaveText(role);
        await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
          "Overview",
          "Chrome",
          "Registry",
          "Redis",
          "CI",
          "Audit",
        ]);
        await page.getByRole("link", { name: "Audit" }).click();
        await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
      });
    });
  }

  test.describe("outsider", () => {
    test.use(asRole("outsider"));
    test("a user in no mapped group gets access denied, on every page", async ({ page }) => {
      for (const path of ["/", "/audit"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
        await expect(page.getByText("not in any group that has access")).toBeVisible();
      }
      const api = await page.request.get("/api/audit");
      expect(api.status()).toBe(403);
    });
  });

  test("a wrong password is refused by the identity provider", async ({ page }) => {
    await loginThroughOidc(page, "admin", "wrong");
    await expect(page.getByRole("alert")).toHaveText("Wrong username or password.");
  });

  test("a forged session cookie sends you back to the login page", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "next-auth.session-token", value: "forged.jwt.value", url: baseURL! }]);
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("button", { name: "Sign in with Authentik" })).toBeVisible();
    expect((await page.request.get("/api/audit")).status()).toBe(401);
  });

  test("sign out ends the session", async ({ page }) => {
    await loginThroughOidc(page, "viewer");
    await expect(page.getByTestId("current-role")).toHaveText("viewer");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
});
