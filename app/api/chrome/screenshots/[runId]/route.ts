import { NotFound } from "@/server/errors";
import { apiRoute } from "@/server/http";
import { readScreenshot } from "@/server/services/chrome/screenshots";

export const dynamic = "force-dynamic";

/** Screenshots only for signed-in viewers; never a public URL. */
export const GET = apiRoute<{ runId: string }>("viewer", async (req, _actor, { runId }) => {
  if (!/^[0-9a-f-]{36}$/.test(runId)) throw new NotFound("No such screenshot.");
  const size = req.nextUrl.searchParams.get("size") === "thumb" ? "thumb" : "full";
  const jpeg = await readScreenshot(runId, size);
  if (!jpeg) throw new NotFound("This screenshot is no longer kept.");
  return new Response(new Uint8Array(jpeg), {
    headers: { "content-type": "image/jpeg", "cache-control": "private, max-age=86400, immutable", "content-length": String(jpeg.length) },
  });
});
