import "server-only";
import type { BrowserContext, CDPSession, Page } from "playwright";

const SHOT_TIMEOUT_MS = 10_000;

type ShotSpec = { viewport: { width: number; height: number }; quality: number; thumbnailWidth: number };

/**
 * A JPEG of the viewport (the same call a bare script makes) and a thumbnail that the browser
 * renders at reduced scale in parallel, so the thumbnail adds no second full-size capture.
 */
export async function captureScreenshots(
  context: BrowserContext,
  page: Page,
  spec: ShotSpec,
): Promise<{ full: Buffer; thumbnail: Buffer }> {
  const thumbnail = captureThumbnail(context, page, spec);
  thumbnail.catch(() => undefined);
  const full = await page.screenshot({ type: "jpeg", quality: spec.quality, timeout: SHOT_TIMEOUT_MS });
  return { full, thumbnail: await thumbnail.catch(() => full) };
}

async function captureThumbnail(context: BrowserContext, page: Page, spec: ShotSpec): Promise<Buffer> {
  const held: { session?: CDPSession } = {};
  let timer: NodeJS.Timeout | undefined;
  try {
    const scale = Math.min(1, spec.thumbnailWidth / spec.viewport.width);
    const shot = (async () => {
      held.session = await context.newCDPSession(page);
      const { width, height } = spec.viewport;
      return (await held.session.send("Page.captureScreenshot", {
        format: "jpeg",
        quality: 60,
        clip: { x: 0, y: 0, width, height, scale },
      })) as { data: string };
    })();
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("thumbnail timeout")), SHOT_TIMEOUT_MS)));
    return Buffer.from((await Promise.race([shot, timeout])).data, "base64");
  } finally {
    clearTimeout(timer);
    void held.session?.detach().catch(() => undefined);
  }
}
