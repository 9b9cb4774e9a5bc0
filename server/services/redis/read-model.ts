import "server-only";
import { getConfig } from "@/server/config";
import { getDb } from "@/server/store/db";
import type { RedisTopology } from "@/lib/redis/snapshot";
import { currentSnapshot } from "./snapshot-cache";
import { listEvents } from "./store";

/** What the Redis page shows: the shared current snapshot and the recent role changes. */
export async function getRedisTopology(): Promise<RedisTopology> {
  const [snapshot, events] = await Promise.all([currentSnapshot(), getDb().then((db) => listEvents(db, 50))]);
  return { snapshot, events, intervalMs: getConfig().redis.interval };
}
