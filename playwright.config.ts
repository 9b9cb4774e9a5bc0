import { defineConfig, devices } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";

const profile = process.env.SWITCHBOARD_LAB_PROFILE ?? "test";
const labFile = path.join(import.meta.dirname, ".lab", profile, "lab.json");
const baseURL = (() => {
  try {
    return (JSON.parse(readFileSync(labFile, "utf8")) as { panelUrl: string }).panelUrl;
  } catch {
    return "http://127.0.0.1:3300";
  }
})();

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: "/usr/lib/chromium/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

/** e2e runs against the lab's panel (started by `npm test`, or `npm run lab -- --profile test --panel`). */
export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: `test-results/${profile}`,
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: chromium },
    { name: "e2e", testMatch: /.*\.spec\.ts/, dependencies: ["setup"], use: chromium },
  ],
});
