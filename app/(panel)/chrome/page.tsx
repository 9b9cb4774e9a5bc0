import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { chromeKeys } from "@/lib/queries/chrome";
import { makeQueryClient } from "@/lib/query-client";
import { hasRole } from "@/server/auth/roles";
import { requirePageRole } from "@/server/auth/session";
import { getChromeOverview } from "@/server/services/chrome/overview";
import { ChromeClient } from "./client";

export const metadata: Metadata = { title: "Chrome" };
export const dynamic = "force-dynamic";

export default async function ChromePage() {
  const actor = await requirePageRole("viewer", "/chrome");
  const qc = makeQueryClient();
  await qc.prefetchQuery({ queryKey: chromeKeys.overview(), queryFn: () => getChromeOverview() });
  return (
    <>
      <PageHeader
        title="Browser liveness"
        description="What the shared headed browser really sees: live screenshots of each page, taken through chrome-service."
      />
      <HydrationBoundary state={dehydrate(qc)}>
        <ChromeClient canRun={hasRole(actor.role, "operator")} />
      </HydrationBoundary>
    </>
  );
}
