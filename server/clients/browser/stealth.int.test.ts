import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright";
import { STEALTH_SCRIPT } from "./stealth";
import { fallbackTarget, labChrome, newClient, remoteTarget } from "./testing/lab-browser";
import type { BrowserClient } from "../browser";

const modes = [
  ["launch-server (headed)", remoteTarget],
  ["in-process headless", fallbackTarget],
] as const;

describe.each(modes)("stealth init script through %s", (_label, target) => {
  let client: BrowserClient;
  let browser: Browser;
  beforeAll(async () => {
    client = newClient(target());
    browser = (await client.acquire()).browser;
  });
  afterAll(() => client.close());

  async function withPage<T>(stealth: boolean, url: string, fn: (page: Page) => Promise<T>): Promise<T> {
    const ctx = await browser.newContext();
    try {
      if (stealth) await ctx.addInitScript(STEALTH_SCRIPT);
      const page = await ctx.newPage();
      await page.goto(url);
      return await fn(page);
    } finally {
      await ctx.close();
    }
  }
  const healthy = () => `${labChrome().facts.fixturesUrl}/healthy`;

  it("hides navigator.webdriver (which Playwright sets to true)", async () => {
    expect(await withPage(false, healthy(), (p) => p.evaluate(() => navigator.webdriver))).toBe(true);
    expect(await withPage(true, healthy(), (p) => p.evaluate(() => navigator.webdriver))).toBe(false);
  });

  it("provides chrome.runtime, plugins, languages and a consistent notification permission", async () => {
    const seen = await withPage(true, healthy(), (p) =>
      p.evaluate(async () => ({
        runtime: typeof (window as unknown as { chrome?: { runtime?: { connect?: unknown } } }).chrome?.runtime?.connect,
        plugins: navigator.plugins.length,
        languages: [...navigator.languages],
        permission: (await navigator.permissions.query({ name: "notifications" as PermissionName })).state,
        notification: Notification.permission,
      })),
    );
    expect(seen.runtime).toBe("function");
    expect(seen.plugins).toBeGreaterThan(0);
    expect(seen.languages[0]).toBe("en-US");
    expect(seen.notification).toBe("default");
    expect(seen.permission).toBe("prompt");
  });

  it("spoofs the WebGL vendor and renderer wherever the browser has WebGL", async () => {
    const gl = await withPage(true, healthy(), (p) =>
      p.evaluate(() => {
        const ctx = document.createElement("canvas").getContext("webgl");
        if (!ctx) return null;
        return { vendor: ctx.getParameter(0x9245) as string, renderer: ctx.getParameter(0x9246) as string };
      }),
    );
    if (_label.includes("headless")) expect(gl).not.toBeNull();
    if (gl) expect(gl).toEqual({ vendor: "Intel Inc.", renderer: "Intel Iris OpenGL Engine" });
  });

  it("hides the disable-devtool-auto script from querySelector and looks native", async () => {
    const url = `${labChrome().facts.fixturesUrl}/healthy`;
    const seen = await withPage(true, url, (p) =>
      p.evaluate(() => {
        const s = document.createElement("script");
        s.setAttribute("disable-devtool-auto", "");
        document.body.appendChild(s);
        return {
          hidden: document.querySelector("[disable-devtool-auto]") === null,
          stillInDom: document.querySelectorAll("[disable-devtool-auto]").length,
          other: document.querySelector("h1") !== null,
          native: Document.prototype.querySelector.toString(),
        };
      }),
    );
    expect(seen).toEqual({ hidden: true, stillInDom: 1, other: true, native: "function querySelector() { [native code] }" });
  });

  it("neutralises the console timing probes (table, dir, clear)", async () => {
    const timings = await withPage(true, healthy(), (p) =>
      p.evaluate(() => {
        const big = Array.from({ length: 300 }, (_, i) => ({ i, s: "x".repeat(50) }));
        const t0 = performance.now();
        for (let k = 0; k < 20; k++) console.table(big);
        const table = performance.now() - t0;
        return { table, src: console.table.toString(), dir: console.dir.toString(), clear: console.clear.toString() };
      }),
    );
    expect(timings.table).toBeLessThan(5);
    expect(timings.src).toBe("function table() { [native code] }");
    expect(timings.dir).toBe("function dir() { [native code] }");
    expect(timings.clear).toBe("function clear() { [native code] }");
  });
});
