import type { APIRequestContext, Page } from "@playwright/test";
import { asRole, authFile, expect, lab, labFault, test } from "../fixtures";

type Rebuilds = { rebuilds: { id: string; repo: string; tag: string; outcome: string; pipelineNumber: number | null }[] };
const wp = () => lab().services.woodpecker as { url: string; repos: Record<string, number> };

async function pipelineCount(request: APIRequestContext, repoId: number): Promise<number> {
  const res = await request.get(`${wp().url}/api/repos/${repoId}/pipelines`, {
    headers: { authorization: `Bearer ${lab().env.WOODPECKER_TOKEN}` },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as unknown[]).length;
}

/** Waits until no pipeline started from the panel is still being watched (the (repo, branch) lease is free again). */
async function waitForIdle(page: Page) {
  await expect
    .poll(
      async () =>
        ((await (await page.request.get("/api/ci/rebuilds?limit=20")).json()) as Rebuilds).rebuilds.filter((r) => r.outcome === "watching")
          .length,
      {
        timeout: 40_000,
      },
    )
    .toBe(0);
}

const findingCard = (page: Page, image: string) =>
  page.getByRole("region", { name: "registry lab" }).getByTestId("finding-image").filter({ hasText: image });

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser, request }) => {
  await labFault(request, "registry/repair-image", "heal");
  await labFault(request, "woodpecker/fail-next", "heal");
  await labFault(request, "woodpecker/hang-next", "heal");
  const ctx = await browser.newContext({ storageState: authFile("operator") });
  for (const [repo, tag] of [
    ["cleanup-victim", "latest"],
    ["missing-config", "2.0"],
    ["missing-layer", "3.1"],
    ["infra-ci", "latest"],
  ]) {
    const res = await ctx.request.post("/api/actions/registry.verifyImage", { data: { registry: "lab", repo, tag } });
    expect(res.ok(), `verify ${repo}:${tag}`).toBeTruthy();
  }
  await ctx.close();
});

test.afterAll(async ({ request }) => {
  // Leave the seeded images broken for the other specs, as the lab started them.
  await labFault(request, "registry/repair-image", "heal");
  await labFault(request, "woodpecker/fail-next", "heal");
});

test.describe("as operator", () => {
  test.use(asRole("operator"));

  test("rebuilds a seeded orphaned index from the registry page and sees it verified, every step audited", async ({ page }) => {
    await page.goto("/registry");
    const card = findingCard(page, "cleanup-victim:latest");
    await expect(card).toContainText("orphaned");
    await card.getByRole("button", { name: "Rebuild through CI" }).click();

    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("rebuild-request")).toContainText(
      `POST ${wp().url}/api/repos/${wp().repos["platform/infra"]}/pipelines`,
    );
    await expect(dialog.getByTestId("rebuild-request")).toContainText('"REBUILD_IMAGE": "cleanup-victim"');
    await expect(dialog.getByTestId("also-runs")).toContainText("pve-nfs-exports-sync");
    await dialog.getByRole("textbox").fill("cleanup-victim:latest");
    await dialog.getByRole("button", { name: "Rebuild through CI" }).click();

    await expect(card.getByRole("status")).toContainText(/Pipeline #\d+ started/);
    await expect(card.getByTestId("rebuild-status").getByRole("link", { name: /#\d+/ })).toHaveAttribute(
      "href",
      /\/repos\/1\/pipeline\/\d+$/,
    );
    // Verified intact → its findings are resolved and the image leaves the broken list.
    await expect(findingCard(page, "cleanup-victim:latest")).toHaveCount(0, { timeout: 40_000 });

    await page.goto("/ci");
    const row = page.getByTestId("rebuild-row").filter({ hasText: "lab/cleanup-victim:latest" }).first();
    await expect(row).toHaveAttribute("data-outcome", "fixed");
    await expect(row).toContainText("Oscar Operator");
    await expect(row).toContainText("intact");
    await expect(page.getByTestId("last-verified").filter({ hasText: "lab/cleanup-victim:latest" })).toContainText("intact");

    await page.goto("/audit");
    const rows = page.getByTestId("audit-row").filter({ hasText: "lab/cleanup-victim:latest" });
    for (const action of ["ci.rebuildImage.verify", "ci.rebuildImage.pipeline", "ci.rebuildImage"])
      await expect(rows.filter({ hasText: action }).first()).toBeVisible();
  });

  test("tells the user nothing ran when the repo has no manual workflow", async ({ page, request }) => {
    await waitForIdle(page);
    const before = await pipelineCount(request, wp().repos["platform/docs-site"]!);
    await page.goto("/registry");
    const card = findingCard(page, "missing-config:2.0");
    await card.getByRole("button", { name: "Rebuild through CI" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("No other workflow is known to run");
    await dialog.getByRole("textbox").fill("missing-config:2.0");
    await dialog.getByRole("button", { name: "Rebuild through CI" }).click();
    await expect(card.getByRole("status").first()).toContainText("Nothing ran");
    await expect(card.getByTestId("rebuild-status")).toHaveAttribute("data-outcome", "nothing-ran");
    expect(await pipelineCount(request, wp().repos["platform/docs-site"]!)).toBe(before);
  });

  test("a failing pipeline leaves the finding, with the link to the pipeline", async ({ page, request }) => {
    await waitForIdle(page);
    await labFault(request, "woodpecker/fail-next", "inject");
    await page.goto("/registry");
    const card = findingCard(page, "missing-layer:3.1");
    await card.getByRole("button", { name: "Rebuild through CI" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox").fill("missing-layer:3.1");
    await dialog.getByRole("button", { name: "Rebuild through CI" }).click();
    const status = card.getByTestId("rebuild-status");
    await expect(status).toHaveAttribute("data-outcome", "pipeline-failed", { timeout: 30_000 });
    await expect(status.getByTestId("rebuild-message")).toContainText("findings stay");
    await expect(status.getByRole("link", { name: /#\d+/ })).toHaveAttribute("href", /\/repos\/1\/pipeline\/\d+$/);
    await expect(card).toContainText("missing-layer");
  });

  test("two operators rebuilding the same image start one pipeline", async ({ page, browser, request }) => {
    await waitForIdle(page);
    await page.goto("/");
    const before = await pipelineCount(request, wp().repos["platform/infra"]!);
    const admin = await browser.newContext({ storageState: authFile("admin") });
    const body = { data: { registry: "lab", repo: "infra-ci", tag: "latest" } };
    const [a, b] = await Promise.all([
      page.request.post("/api/actions/ci.rebuildImage", body),
      admin.request.post("/api/actions/ci.rebuildImage", body),
    ]);
    const results = (await Promise.all([a.json(), b.json()])) as { ok: boolean; code?: string; message?: string }[];
    await admin.close();
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "conflict", message: expect.stringMatching(/still running: started by/) });
    expect(await pipelineCount(request, wp().repos["platform/infra"]!)).toBe(before + 1);
    await waitForIdle(page);
  });
});

test.describe("as viewer", () => {
  test.use(asRole("viewer"));

  test("cannot rebuild: the button is disabled and a direct POST is refused", async ({ page, request }) => {
    const before = await pipelineCount(request, wp().repos["platform/infra"]!);
    await page.goto("/registry");
    const card = findingCard(page, "missing-layer:3.1");
    await expect(card.getByRole("button", { name: "Rebuild through CI" })).toBeDisabled();
    await expect(card).toContainText("Rebuilding needs the operator role.");
    const res = await page.request.post("/api/actions/ci.rebuildImage", { data: { registry: "lab", repo: "missing-layer", tag: "3.1" } });
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, code: "forbidden" });
    expect(await pipelineCount(request, wp().repos["platform/infra"]!)).toBe(before);
  });
});
