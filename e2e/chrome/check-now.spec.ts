import { asRole, expect, lab, test } from "../fixtures";

const card = (page: import("@playwright/test").Page, name: string) => page.locator(`[data-check="${name}"]`);

test.describe("chrome page", () => {
  test.describe("as operator", () => {
    test.use(asRole("operator"));
    test("Check now shows progress, then the new screenshot and verdict", async ({ page }) => {
      await page.goto("/chrome");
      await expect(page.getByRole("heading", { name: "Browser liveness" })).toBeVisible();
      const healthy = card(page, "fixture-healthy");
      await expect(healthy).toBeVisible();
      const before = await healthy
        .getByRole("img", { name: "Latest screenshot" })
        .getAttribute("data-run-id")
        .catch(() => null);
      await healthy.getByRole("button", { name: "Check now" }).click();
      await expect(healthy.getByRole("status").filter({ hasText: "Checked: ok." })).toBeVisible({ timeout: 30_000 });
      const img = healthy.getByRole("img", { name: "Latest screenshot" });
      await expect(img).not.toHaveAttribute("data-run-id", before ?? "none");
      await expect(img).toHaveJSProperty("complete", true);
      expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1280);
      await expect(healthy.getByText("ok", { exact: true }).first()).toBeVisible();
      await expect(page.getByText("Security finding")).toBeVisible();
      expect(await page.content()).not.toContain(lab().env.CHROME_WS_TOKEN!);
    });
  });

  test.describe("as viewer", () => {
    test.use(asRole("viewer"));
    test("has no Check now button, and a direct POST is refused", async ({ page }) => {
      await page.goto("/chrome");
      await expect(card(page, "fixture-healthy")).toBeVisible();
      await expect(page.getByRole("button", { name: "Check now" })).toHaveCount(0);
      const res = await page.request.post("/api/actions/chrome.runCheck", { data: { check: "fixture-healthy" } });
      expect(res.status()).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, code: "forbidden" });
    });
  });

  test("screenshots are only served to a signed-in user", async ({ request }) => {
    const res = await request.get("/api/chrome/screenshots/00000000-0000-0000-0000-000000000000", { maxRedirects: 0 });
    expect([401, 403]).toContain(res.status());
  });
});
