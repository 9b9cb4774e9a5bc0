import { chromium, type Browser } from "playwright";
import { readLab } from "@/test/lab";
import { BrowserClient, type BrowserTarget } from "../../browser";

/** Test helpers that talk to the lab's chrome-service (real browsers only). */
export function labChrome() {
  const lab = readLab();
  const facts = lab.services.chrome as {
    wsUrl: string;
    cdpUrl: string;
    hungUrl: string;
    fixturesUrl: string;
    trapHost: string;
    executablePath: string;
    versions: { pinned: string; skew: string };
  };
  const token = lab.env.CHROME_WS_TOKEN!;
  return { lab, facts, token };
}

export function remoteTarget(overrides: Partial<Extract<BrowserTarget, { mode: "remote" }>> = {}): BrowserTarget {
  const { facts, token } = labChrome();
  return { mode: "remote", wsUrl: facts.wsUrl, token, connectTimeoutMs: 5000, ...overrides };
}

export function fallbackTarget(): BrowserTarget {
  return { mode: "fallback", executablePath: labChrome().facts.executablePath, connectTimeoutMs: 15_000 };
}

export const newClient = (target: BrowserTarget) => new BrowserClient(target);

/**
 * Browser contexts open on the lab server, seen through its lab-only CDP port. With `marker`, only
 * contexts showing a page whose URL contains it: the lab's panel shares the server and runs its own checks.
 */
export async function countServerContexts(marker?: string): Promise<number> {
  const cdp = await chromium.connectOverCDP(labChrome().facts.cdpUrl, { timeout: 15_000 });
  try {
    const session = await cdp.newBrowserCDPSession();
    if (!marker) {
      const { browserContextIds } = (await session.send("Target.getBrowserContexts")) as { browserContextIds: string[] };
      return browserContextIds.length;
    }
    const { targetInfos } = (await session.send("Target.getTargets")) as { targetInfos: { url: string; browserContextId?: string }[] };
    return new Set(targetInfos.filter((t) => t.url.includes(marker)).map((t) => t.browserContextId)).size;
  } finally {
    await cdp.close();
  }
}

/**
 * Decodes a JPEG in a real (headless) browser and reports how varied its pixels are:
 * a blank page is one colour.
 */
export async function startImageDecoder() {
  const browser = await chromium.launch({ executablePath: labChrome().facts.executablePath, headless: true, args: ["--no-sandbox"] });
  return { stats: (jpeg: Buffer) => imageStats(jpeg, browser), close: () => browser.close() };
}

async function imageStats(
  jpeg: Buffer,
  browser: Browser,
): Promise<{ width: number; height: number; colours: number; nonDominantShare: number }> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<img id="i" src="data:image/jpeg;base64,${jpeg.toString("base64")}">`);
    return await page.evaluate(async () => {
      const img = document.getElementById("i") as HTMLImageElement;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const buckets = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const key = ((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4);
        buckets.set(key, (buckets.get(key) ?? 0) + 1);
      }
      const total = data.length / 4;
      const dominant = Math.max(...buckets.values());
      return { width: c.width, height: c.height, colours: buckets.size, nonDominantShare: (total - dominant) / total };
    });
  } finally {
    await page.close();
  }
}
