import { apiRoute } from "@/server/http";
import { listRebuilds } from "@/server/services/ci/list-rebuilds";

export const dynamic = "force-dynamic";

/** ?registry=&repo=&tag=&limit= — pipelines started from the panel, newest first, and the last verification per image. */
export const GET = apiRoute("viewer", (req) => {
  const p = req.nextUrl.searchParams;
  const text = (k: string) => p.get(k)?.slice(0, 255) || undefined;
  return listRebuilds({
    registry: text("registry"),
    repo: text("repo"),
    tag: text("tag"),
    limit: Math.max(1, Number(p.get("limit") ?? 50) || 50),
  });
});
