import { queryOptions } from "@tanstack/react-query";
import type { RedisTopology } from "../redis/snapshot";
import { fetchJson } from "../query-client";

export const redisKeys = {
  all: ["redis"] as const,
  topology: () => [...redisKeys.all, "topology"] as const,
};

/** Polls every few seconds; the server shares one snapshot per interval among all viewers. */
export const redisTopologyQuery = (intervalMs = 3_000) =>
  queryOptions({
    queryKey: redisKeys.topology(),
    queryFn: ({ signal }) => fetchJson<RedisTopology>("/api/redis", signal),
    refetchInterval: Math.max(1_000, intervalMs),
    staleTime: 1_000,
  });
