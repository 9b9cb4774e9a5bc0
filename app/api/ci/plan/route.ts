import { ImageRef } from "@/lib/ci/dto";
import { apiRoute } from "@/server/http";
import { InvalidInput } from "@/server/errors";
import { planRebuild } from "@/server/services/ci/plan-rebuild";

export const dynamic = "force-dynamic";

/** ?registry=&repo=&tag= — what a rebuild of the image would send (the exact request) and what else it runs. */
export const GET = apiRoute("viewer", (req, actor) => {
  const p = req.nextUrl.searchParams;
  const parsed = ImageRef.safeParse({ registry: p.get("registry") ?? "", repo: p.get("repo") ?? "", tag: p.get("tag") ?? "" });
  if (!parsed.success) throw new InvalidInput(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), [i.message]])));
  return planRebuild(actor, parsed.data, req.signal);
});
