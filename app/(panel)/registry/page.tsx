import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { registryKeys } from "@/lib/queries/registry";
import { makeQueryClient } from "@/lib/query-client";
import { hasRole } from "@/server/auth/roles";
import { requirePageRole } from "@/server/auth/session";
import { listRegistries } from "@/server/services/registry/read-model";
import { RegistryClientView } from "./client";

export const metadata: Metadata = { title: "Registry" };
export const dynamic = "force-dynamic";

export default async function RegistryPage() {
  const actor = await requirePageRole("viewer", "/registry");
  const qc = makeQueryClient();
  await qc.prefetchQuery({ queryKey: registryKeys.overview(), queryFn: () => listRegistries() });
  return (
    <>
      <PageHeader
        title="Registry integrity"
        description="Every tag walked down to every blob: broken images first, with what to do about them."
      />
      <HydrationBoundary state={dehydrate(qc)}>
        <RegistryClientView canRun={hasRole(actor.role, "operator")} />
      </HydrationBoundary>
    </>
  );
}
