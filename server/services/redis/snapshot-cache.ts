import "server-only";
import { getConfig, getSecret } from "@/server/config";
import { logger } from "@/server/logger";
import { getDb } from "@/server/store/db";
import type { Snapshot } from "@/lib/redis/snapshot";
import { collectSnapshot } from "./collect";
import { diffSnapshots, shapeOf } from "./events";
import { recordProbeRuns } from "./probe-runs";
import { loadLatest, saveHistory, saveLatest } from "./store";

const HISTORY_EVERY_MS = 60_000;

interface CacheState {
  latest: Snapshot | null;
  inflight: Promise<Snapshot> | null;
  lastHistoryAt: number;
  lastShape: string;
  collections: number;
}

const g = globalThis as typeof globalThis & { __switchboardRedisCache?: CacheState };
const state = (): CacheState =>
  (g.__switchboardRedisCache ??= { latest: null, inflight: null, lastHistoryAt: 0, lastShape: "", collections: 0 });

const finishedAt = (s: Snapshot) => Date.parse(s.takenAt) + s.durationMs;

async function collectAndStore(signal?: AbortSignal): Promise<Snapshot> {
  const st = state();
  const section = getConfig().redis;
  const db = await getDb();
  const prev = st.latest ?? (await loadLatest(db));
  const snap = await collectSnapshot({ section, secret: getSecret, signal });
  st.collections++;
  const events = diffSnapshots(prev, snap);
  await saveLatest(db, snap);
  await recordProbeRuns(db, snap);
  const shape = shapeOf(snap);
  if (shape !== st.lastShape || events.length || Date.now() - st.lastHistoryAt >= HISTORY_EVERY_MS) {
    await saveHistory(db, snap, events, section.keep);
    st.lastHistoryAt = Date.now();
    st.lastShape = shape;
  }
  st.latest = snap;
  const findings = snap.clusters.flatMap((c) => c.findings);
  logger.debug({ op: "redis.snapshot", durationMs: snap.durationMs, findings: findings.length, events: events.length }, "redis snapshot");
  return snap;
}

/**
 * The current snapshot, shared: younger than one interval -> the cached one; a collection already
 * running -> that one. However many viewers poll, at most one collection runs per interval.
 */
export function currentSnapshot(opts: { maxAgeMs?: number; signal?: AbortSignal } = {}): Promise<Snapshot> {
  const st = state();
  const maxAge = opts.maxAgeMs ?? getConfig().redis.interval;
  if (st.latest && Date.now() - finishedAt(st.latest) < maxAge) return Promise.resolve(st.latest);
  if (!st.inflight) {
    st.inflight = collectAndStore(opts.signal).finally(() => {
      st.inflight = null;
    });
  }
  return st.inflight;
}

/** How many collections this process has run (the benchmark and tests check single-flight with it). */
export const snapshotCollections = () => state().collections;

export function resetSnapshotCacheForTests(): void {
  delete g.__switchboardRedisCache;
}
