import { apiRoute } from "@/server/http";
import { InvalidInput } from "@/server/errors";
import { tagDetail } from "@/server/services/registry/read-model";

export const dynamic = "force-dynamic";

/** ?repo=infra-ci&tag=latest — the stored manifest tree and the image's open findings. */
export const GET = apiRoute<{ registry: string }>("viewer", (req, _actor, { registry }) => {
  const repo = req.nextUrl.searchParams.get("repo") ?? "";
  const tag = req.nextUrl.searchParams.get("tag") ?? "";
  if (!repo || !tag) throw new InvalidInput({ repo: repo ? [] : ["required"], tag: tag ? [] : ["required"] });
  return tagDetail(registry, repo, tag);
});
