import "server-only";
import type { BrowserContext, Page } from "playwright";

const SHOT_TIMEOUT_MS = 10_000;

/** A JPEG of the viewport and a reduced-scale JPEG thumbnail, both taken by the browser itself. */
export async function captureScreenshots(
  context: BrowserContext,
  page: Page,
  spec: { viewport: { width: number; height: number }; quality: number; thumbnailWidth: number },
): Promise<{ full: Buffer; thumbnail: Buffer }> {
  const full = await page.screenshot({ type: "jpeg", quality: spec.quality, timeout: SHOT_TIMEOUT_MS, animations: "disabled" });
  const thumbnail = await captureThumbnail(context, page, spec).catch(() => full);
  return { full, thumbnail };
}

async function captureThumbnail(context: BrowserContext, page: Page, spec: { viewport: { width: number; height: number }; thumbnailWidth: number }) {
  const session = await context.newCDPSession(page);
  try {
    const scale = Math.min(1, spec.thumbnailWidth / spec.viewport.width);
    const shot = (await Promise.race([
      session.send("Page.captureScreenshot", {
        format: "jpeg",
        quality: 60,
        clip: { x: 0, y: 0, width: spec.viewport.width, height: spec.viewport.height, scale },
      }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("thumbnail timeout")), SHOT_TIMEOUT_MS).unref()),
    ])) as { data: string };
    return Buffer.from(shot.data, "base64");
  } finally {
    await session.detach().catch(() => undefined);
  }
}
