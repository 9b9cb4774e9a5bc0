import { asRole, expect, test } from "../fixtures";

test.describe("registry page", () => {
  test.use(asRole("operator"));

  test("lists the orphaned image first with its diagnosis, and 'Verify this image' updates it", async ({ page }) => {
    await page.goto("/registry");
    const lab = page.getByRole("region", { name: "registry lab" });
    await lab.getByRole("button", { name: "Run probe now" }).click();
    const first = lab.getByTestId("finding-image").first();
    await expect(first).toContainText(/infra-ci:(latest|docker-latest)/, { timeout: 60_000 });
    await expect(first).toContainText("orphaned index child — rebuild the image; do not delete the index");
    const lastSeen = await first.locator("time").nth(1).getAttribute("datetime");
    await first.getByRole("button", { name: "Verify this image" }).click();
    await expect(first.locator("time").nth(1)).not.toHaveAttribute("datetime", lastSeen ?? "", { timeout: 30_000 });
    await expect(lab.getByTestId("finding-image").first()).toContainText("orphaned index child");
  });
});

test.describe("registry page as viewer", () => {
  test.use(asRole("viewer"));

  test("shows findings and runbooks but no action buttons", async ({ page }) => {
    await page.goto("/registry");
    const lab = page.getByRole("region", { name: "registry lab" });
    await expect(lab.getByText("Broken images and findings")).toBeVisible();
    await expect(lab.getByRole("button", { name: "Run probe now" })).toHaveCount(0);
  });
});
