import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { asRole, expect, lab, test } from "../fixtures";

/** A lease left behind by an action whose process died, written straight into the panel's store. */
function plantStuckLock(key: string) {
  const config = parse(readFileSync(lab().configPath, "utf8")) as { store: { sqlite: string } };
  const db = new Database(config.store.sqlite);
  try {
    const now = Date.now();
    db.prepare("insert into locks (key, holder, holder_name, run_id, acquired_at, expires_at, token) values (?, ?, ?, ?, ?, ?, ?)").run(
      key,
      "ghost",
      "Gone Operator",
      "run-ghost",
      new Date(now - 60_000).toISOString(),
      new Date(now + 600_000).toISOString(),
      1_000_000 + Math.floor(Math.random() * 1000),
    );
  } finally {
    db.close();
  }
}

test.describe("held locks", () => {
  test.use(asRole("admin"));
  test("an admin frees a stuck lock after typing its key, and the release is audited", async ({ page }) => {
    const key = `e2e/stuck-${Date.now()}`;
    plantStuckLock(key);
    await page.goto("/audit");
    const row = page.getByTestId("held-lock").filter({ hasText: key });
    await expect(row).toContainText("Gone Operator");
    await row.getByRole("button", { name: "Release" }).click();
    const dialog = page.getByRole("dialog");
    const confirm = dialog.getByRole("button", { name: "Release" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type .* to confirm/).fill(key);
    await confirm.click();
    await expect(row).toHaveCount(0);
    await page.getByLabel("Action").selectOption("system.releaseLock");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("audit-row").filter({ hasText: key }).filter({ hasText: "ok" })).toHaveCount(1);
  });
});

test.describe("held locks as operator", () => {
  test.use(asRole("operator"));
  test("an operator sees held locks but cannot release them", async ({ page }) => {
    const key = `e2e/visible-${Date.now()}`;
    plantStuckLock(key);
    await page.goto("/audit");
    const row = page.getByTestId("held-lock").filter({ hasText: key });
    await expect(row).toContainText("Gone Operator");
    await expect(row.getByRole("button", { name: "Release" })).toHaveCount(0);
  });
});
