import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { redisKeys } from "@/lib/queries/redis";
import { makeQueryClient } from "@/lib/query-client";
import { requirePageRole } from "@/server/auth/session";
import { getRedisTopology } from "@/server/services/redis/read-model";
import { RedisClientView } from "./client";

export const metadata: Metadata = { title: "Redis" };
export const dynamic = "force-dynamic";

export default async function RedisPage() {
  await requirePageRole("viewer", "/redis");
  const qc = makeQueryClient();
  await qc.prefetchQuery({ queryKey: redisKeys.topology(), queryFn: () => getRedisTopology() });
  return (
    <>
      <PageHeader
        title="Redis topology"
        description="Every node, sentinel and HAProxy backend in one picture, with what is wrong and what to do."
      />
      <HydrationBoundary state={dehydrate(qc)}>
        <RedisClientView />
      </HydrationBoundary>
    </>
  );
}
