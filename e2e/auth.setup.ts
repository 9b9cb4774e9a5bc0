import { expect, test as setup } from "@playwright/test";
import { authFile } from "./fixtures";
import { loginThroughOidc, ROLES } from "./login";

for (const user of ROLES) {
  setup(`log in as ${user}`, async ({ page }) => {
    await loginThroughOidc(page, user);
    if (user === "outsider") await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
    else await expect(page.getByTestId("current-role")).toHaveText(user);
    await page.context().storageState({ path: authFile(user) });
  });
}
