import { asRole, expect, lab, labFault, test } from "../fixtures";

test.describe("redis page", () => {
  test.use(asRole("viewer"));

  test("shows both clusters' graphs, HAProxy's route and no findings when healthy", async ({ page }) => {
    await page.goto("/redis");
    await expect(page.getByRole("heading", { name: "Redis topology" })).toBeVisible();
    for (const name of ["old", "v2"]) {
      const cluster = page.getByTestId(`cluster-${name}`);
      await expect(cluster.getByRole("img", { name: `topology of ${name}` })).toBeVisible();
      await expect(cluster.getByTestId("no-findings")).toBeVisible();
      await expect(cluster.locator('[data-testid="redis-node"][data-role="master"]')).toHaveCount(1);
    }
    await expect(page.getByTestId("cluster-v2").getByTestId("haproxy-v2")).toContainText("routes to localhost:");
    await expect(page.getByTestId("data-age")).toContainText("Snapshot");
    await page.getByTestId("cluster-old").getByTestId("redis-node").first().click();
    await expect(page.getByRole("dialog").getByText("master_repl_offset")).toBeVisible();
    await page.getByRole("dialog").getByText("server", { exact: true }).click();
    await expect(page.getByRole("dialog").getByText("redis_version")).toBeVisible();
    expect(await page.content()).not.toContain(lab().env.REDIS_V2_PASSWORD!);
  });

  test("shows the split-brain finding within one refresh when a second master is injected", async ({ page, request }) => {
    await page.goto("/redis");
    const v2 = page.getByTestId("cluster-v2");
    await expect(v2.getByTestId("no-findings")).toBeVisible();
    await labFault(request, "redis/second-master", "inject");
    try {
      const finding = v2.locator('[data-kind="split-brain"]');
      await expect(finding).toBeVisible({ timeout: 10_000 });
      await expect(finding).toContainText("critical");
      await expect(finding).toContainText("Remedy");
      await expect(v2.locator('[data-testid="redis-node"][data-role="master"]')).toHaveCount(2);
      const metrics = await request.get("/api/metrics", { headers: { authorization: `Bearer ${lab().env.SWITCHBOARD_METRICS_TOKEN}` } });
      expect(await metrics.text()).toMatch(/redis_topology_masters\{cluster="v2"\} 2/);
    } finally {
      await labFault(request, "redis/second-master", "heal");
    }
    await expect(v2.getByTestId("no-findings")).toBeVisible({ timeout: 15_000 });
  });
});
