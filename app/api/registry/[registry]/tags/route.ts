import { apiRoute } from "@/server/http";
import { listTags } from "@/server/services/registry/read-model";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ registry: string }>("viewer", (req, _actor, { registry }) => {
  const q = (req.nextUrl.searchParams.get("q") ?? "").slice(0, 200);
  const offset = Math.max(0, Number(req.nextUrl.searchParams.get("offset") ?? 0) || 0);
  return listTags(registry, q, 50, offset);
});
