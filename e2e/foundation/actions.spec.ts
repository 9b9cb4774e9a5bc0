import { asRole, expect, test } from "../fixtures";

test.describe("actions are authorised on the server", () => {
  test.describe("as viewer", () => {
    test.use(asRole("viewer"));
    test("a hand-made POST to an admin action is refused", async ({ page }) => {
      await page.goto("/");
      const res = await page.request.post("/api/actions/system.releaseLock", { data: { key: "registry/private" } });
      expect(res.status()).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, code: "forbidden" });
    });
  });

  test.describe("as admin", () => {
    test.use(asRole("admin"));
    test("the viewer's refused POST is in the audit log as denied, and the log exports as CSV", async ({ page }) => {
      await page.goto("/audit");
      await page.getByLabel("User").fill("Vera");
      await page.getByLabel("Result").selectOption("denied");
      await page.getByRole("button", { name: "Filter" }).click();
      const row = page.getByTestId("audit-row").filter({ hasText: "system.releaseLock" }).first();
      await expect(row).toContainText("Vera Viewer");
      await expect(row).toContainText("denied");
      const csv = await page.request.get("/api/audit/export?result=denied");
      expect(csv.headers()["content-type"]).toContain("text/csv");
      expect(await csv.text()).toMatch(/system\.releaseLock.*denied/);
    });

    test("a cross-origin POST is refused before the action runs", async ({ page }) => {
      await page.goto("/");
      const res = await page.request.post("/api/actions/system.releaseLock", {
        data: { key: "x" },
        headers: { origin: "http://evil.example" },
      });
      expect(res.status()).toBe(403);
      expect(await res.json()).toMatchObject({ code: "cross_origin" });
    });

    test("invalid input gets field errors", async ({ page }) => {
      await page.goto("/");
      const res = await page.request.post("/api/actions/system.releaseLock", { data: { key: "" } });
      expect(res.status()).toBe(400);
      const body = (await res.json()) as { code: string; fieldErrors: Record<string, string[]> };
      expect(body.code).toBe("invalid_input");
      expect(Object.keys(body.fieldErrors)).toEqual(["key"]);
    });
  });
});

test("health and readiness answer without a session", async ({ request }) => {
  expect(await (await request.get("/api/health")).json()).toEqual({ status: "ok" });
  expect(await (await request.get("/api/ready")).json()).toMatchObject({ status: "ready" });
  expect((await request.get("/api/metrics")).status()).toBe(401);
});
