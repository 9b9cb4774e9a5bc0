import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { auditKeys } from "@/lib/queries/audit";
import { makeQueryClient } from "@/lib/query-client";
import { requirePageRole } from "@/server/auth/session";
import { listAudit } from "@/server/services/audit/list";
import { getDb } from "@/server/store/db";
import { AuditClient } from "./client";
import { HeldLocks } from "./held-locks";

export const metadata: Metadata = { title: "Audit" };
export const dynamic = "force-dynamic";

export default async function AuditPage() {
  const actor = await requirePageRole("viewer", "/audit");
  const qc = makeQueryClient();
  const initial = { limit: 100 };
  await qc.prefetchQuery({ queryKey: auditKeys.list(initial), queryFn: async () => listAudit(await getDb(), initial) });
  return (
    <>
      <PageHeader title="Audit log" description="Every action anyone took through Switchboard, append-only and hash-chained." />
      <HydrationBoundary state={dehydrate(qc)}>
        <div className="grid gap-4">
          <HeldLocks canRelease={actor.role === "admin"} />
          <AuditClient />
        </div>
      </HydrationBoundary>
    </>
  );
}
