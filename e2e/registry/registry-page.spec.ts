import { asRole, expect, test } from "../fixtures";

const region = { name: "registry lab", exact: true };

test.describe("registry page as operator", () => {
  test.use(asRole("operator"));

  test("lists the orphaned image first with its diagnosis and runbook, and 'Verify this image' updates it", async ({ page }) => {
    await page.goto("/registry");
    const lab = page.getByRole("region", region);
    await lab.getByRole("button", { name: "Run probe now" }).click();
    await expect(lab.getByRole("status").filter({ hasText: /^Done\.$/ })).toBeVisible({ timeout: 90_000 });
    const first = lab.getByTestId("finding-image").first();
    await expect(first.getByText("orphaned-child", { exact: true })).toBeVisible();
    await expect(first).toContainText(
      /(cleanup-victim|infra-ci):(latest|docker-latest) → linux\/amd64 child sha256:[0-9a-f]{12}… returns 404 MANIFEST_UNKNOWN: orphaned index child — rebuild the image; do not delete the index/,
    );
    await first.getByText("Runbook").click();
    await expect(first).toContainText("Do NOT delete the index or run GC");
    const lastSeen = await first.locator("time").nth(1).getAttribute("datetime");
    await first.getByRole("button", { name: "Verify this image" }).click();
    await expect(first.getByRole("status")).toContainText("Done", { timeout: 60_000 });
    await expect(first.locator("time").nth(1)).not.toHaveAttribute("datetime", lastSeen ?? "");
    await expect(lab.getByTestId("finding-image").first()).toContainText("orphaned index child");
  });

  test("the tag page shows the manifest tree with the broken children", async ({ page }) => {
    await page.goto("/registry/tag?registry=lab&repo=infra-ci&tag=latest");
    const tree = page.getByRole("list", { name: "manifest tree" });
    await expect(tree).toContainText("linux/amd64 child");
    await expect(tree).toContainText("HTTP 404 MANIFEST_UNKNOWN");
    await expect(page.getByRole("button", { name: "Verify this image" })).toBeVisible();
  });

  test("the GC pre-flight reads the configured dry-run file and says 'do not run GC'", async ({ page }) => {
    await page.goto("/registry");
    const gc = page.getByRole("region", { name: "GC pre-flight lab", exact: true });
    await gc.getByRole("button", { name: "Check the configured file" }).click();
    await expect(gc.getByRole("status")).toContainText(/\d+ manifests of live images would be deleted: do not run GC\./, {
      timeout: 30_000,
    });
    await expect(gc.getByText("do not run GC", { exact: true })).toBeVisible();
  });
});

test.describe("registry page as viewer", () => {
  test.use(asRole("viewer"));

  test("shows findings and runbooks but no action buttons; a direct POST to each action is refused", async ({ page }) => {
    await page.goto("/registry");
    const lab = page.getByRole("region", region);
    await expect(lab.getByText("Broken images and findings")).toBeVisible();
    await expect(lab.getByTestId("finding-image").first()).toContainText("orphaned index child");
    for (const n of ["Run probe now", "Verify this image", "Check pasted output", "Check the configured file"])
      await expect(page.getByRole("button", { name: n })).toHaveCount(0);
    for (const [name, data] of [
      ["registry.runProbe", { registry: "lab" }],
      ["registry.verifyImage", { registry: "lab", repo: "infra-ci", tag: "latest" }],
      ["registry.checkGc", { registry: "lab" }],
    ] as const) {
      const res = await page.request.post(`/api/actions/${name}`, { data });
      expect(res.status(), name).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, code: "forbidden" });
    }
  });
});
