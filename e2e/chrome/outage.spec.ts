import type { Locator, Page } from "@playwright/test";
import { asRole, expect, labFault, test } from "../fixtures";

/** The check timeout the lab configures for its fixture pages. */
const CHECK_TIMEOUT_MS = 10_000;
const card = (page: Page, name: string) => page.locator(`[data-check="${name}"]`);

async function checkNow(c: Locator, label: RegExp) {
  await c.getByRole("button", { name: "Check now" }).click();
  await expect(c.getByRole("status").filter({ hasText: label })).toBeVisible({ timeout: 30_000 });
}

test.describe("demo walkthrough: chrome-service outage", () => {
  test.use(asRole("operator"));
  test.afterEach(async ({ request }) => {
    await labFault(request, "chrome/stop", "heal");
  });

  test("stopping chrome-service turns the cards to could-not-run within one timeout, then back after the restart", async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    await page.goto("/chrome");
    const healthy = card(page, "fixture-healthy");
    const broken = card(page, "fixture-broken");
    const trap = card(page, "trap-manual");
    await checkNow(healthy, /Checked: ok\./);
    await expect(healthy).toHaveAttribute("data-verdict", "ok");

    await labFault(request, "chrome/stop", "inject");
    for (const c of [healthy, broken, trap]) {
      const started = Date.now();
      await c.getByRole("button", { name: "Check now" }).click();
      await expect(c).toHaveAttribute("data-verdict", "could-not-run", { timeout: CHECK_TIMEOUT_MS });
      expect(Date.now() - started).toBeLessThan(CHECK_TIMEOUT_MS);
      await expect(c.getByTestId("reason")).toContainText("unreachable");
      await expect(c.getByText("it says nothing about whether the page works")).toBeVisible();
    }
    // The last good screenshot stays next to the failed run.
    await expect(healthy.getByRole("img", { name: "Last good screenshot" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Browser connection" }).getByText("unreachable", { exact: true })).toBeVisible();

    // Every page stays responsive while the browser is down.
    await page.getByRole("link", { name: "Overview" }).click();
    await expect(page.getByTestId("overview-chrome")).toBeVisible();
    await page.getByRole("link", { name: "Chrome", exact: true }).click();
    await expect(healthy).toHaveAttribute("data-verdict", "could-not-run");

    await labFault(request, "chrome/stop", "heal");
    await checkNow(healthy, /Checked: ok\./);
    await expect(healthy).toHaveAttribute("data-verdict", "ok");
    await expect(healthy.getByRole("img", { name: "Latest screenshot" })).toHaveJSProperty("complete", true);
    await checkNow(broken, /Checked: failed\./);
    await checkNow(trap, /Checked: ok\./);
    await expect(page.getByRole("region", { name: "Browser connection" }).getByText("connected", { exact: true })).toBeVisible();
  });
});
