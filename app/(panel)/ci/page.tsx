import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { makeQueryClient } from "@/lib/query-client";
import { CI_LIST, ciKeys } from "@/lib/queries/ci";
import { hasRole } from "@/server/auth/roles";
import { requirePageRole } from "@/server/auth/session";
import { listRebuilds } from "@/server/services/ci/list-rebuilds";
import { CiClient } from "./client";

export const metadata: Metadata = { title: "CI" };
export const dynamic = "force-dynamic";

export default async function CiPage() {
  const actor = await requirePageRole("viewer", "/ci");
  const qc = makeQueryClient();
  await qc.prefetchQuery({ queryKey: ciKeys.rebuilds(CI_LIST), queryFn: () => listRebuilds(CI_LIST) });
  return (
    <>
      <PageHeader
        title="CI rebuilds"
        description="Pipelines started from the panel to rebuild broken images, who started them, and the verification that followed."
      />
      <HydrationBoundary state={dehydrate(qc)}>
        <CiClient canCancel={hasRole(actor.role, "operator")} />
      </HydrationBoundary>
    </>
  );
}
