import { expect, type Page } from "@playwright/test";

export const ROLES = ["admin", "operator", "viewer", "outsider"] as const;
export type DemoUser = (typeof ROLES)[number];

/** The real OIDC flow: panel → lab identity provider's login form → back to the panel. */
export async function loginThroughOidc(page: Page, user: DemoUser, password = "demo", path = "/") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole("button", { name: "Sign in with Authentik" }).click();
  await page.getByLabel("Username").fill(user);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
