import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { registryKeys } from "@/lib/queries/registry";
import { makeQueryClient } from "@/lib/query-client";
import { hasRole } from "@/server/auth/roles";
import { requirePageRole } from "@/server/auth/session";
import { tagDetail } from "@/server/services/registry/read-model";
import { TagClient } from "./client";

export const metadata: Metadata = { title: "Registry tag" };
export const dynamic = "force-dynamic";

export default async function TagPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const actor = await requirePageRole("viewer", "/registry");
  const registry = sp.registry ?? "";
  const repo = sp.repo ?? "";
  const tag = sp.tag ?? "";
  const qc = makeQueryClient();
  await qc
    .prefetchQuery({ queryKey: registryKeys.tag(registry, repo, tag), queryFn: () => tagDetail(registry, repo, tag) })
    .catch(() => undefined);
  return (
    <>
      <PageHeader
        title={`${repo}:${tag}`}
        description={`Manifest tree on ${registry}: every node with its platform, media type, size and status.`}
      />
      <HydrationBoundary state={dehydrate(qc)}>
        <TagClient registry={registry} repo={repo} tag={tag} canRun={hasRole(actor.role, "operator")} />
      </HydrationBoundary>
    </>
  );
}
