/**
 * Redis topology snapshot (both lab clusters + HAProxy) vs the bare parallel round-trip (one INFO to
 * every process at once, pre-connected) measured in the same run; then 50 simultaneous viewers polling
 * for a fixed time (must stay one snapshot per interval). One JSON line on stdout.
 * Run: npx tsx bench/redis.ts   (needs a lab: npm run lab -- --profile <p> --only oidc,redis)
 */
import { spawnSync } from "node:child_process";

process.env.LOG_LEVEL ??= "silent";
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const r = spawnSync(process.execPath, [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const N = Number(process.env.BENCH_N ?? 200);
const VIEWERS = 50;
const VIEW_MS = Number(process.env.BENCH_VIEW_MS ?? 12_000);
const POLL_MS = 250;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};

async function main() {
  const labConfig = await import("../test/lab-config");
  const lab = labConfig.setupLabConfig();
  const { Redis } = await import("ioredis");
  const { request } = await import("undici");
  const { getConfig, getSecret } = await import("../server/config");
  const { collectSnapshot } = await import("../server/services/redis/collect");
  const { currentSnapshot, snapshotCollections } = await import("../server/services/redis/snapshot-cache");
  const { closeRedisPool } = await import("../server/clients/redis");
  const { closeRuntimeSessions } = await import("../server/clients/haproxy-runtime");
  const section = getConfig().redis;

  // Baseline: one INFO to every node and sentinel, plus HAProxy's stats CSV, all at once, on warm connections.
  const procs = section.clusters.flatMap((c) => [
    ...c.nodes.map((n) => ({ ...n, username: c.username, password: c.passwordEnv ? getSecret(c.passwordEnv) : undefined })),
    ...c.sentinels.map((s) => ({ ...s, username: undefined, password: undefined })),
  ]);
  const clients = procs.map(
    (p) => new Redis({ host: p.host, port: p.port, username: p.username, password: p.password, maxRetriesPerRequest: 0 }),
  );
  const stats = section.clusters.flatMap((c) => (c.haproxy?.stats ? [c.haproxy.stats] : []));
  const bareOnce = async () => {
    const t0 = performance.now();
    await Promise.all([
      ...clients.map((c) => c.call("INFO")),
      ...stats.map(async (u) => (await request(u, { signal: AbortSignal.timeout(2000) })).body.text()),
    ]);
    return performance.now() - t0;
  };
  // Warm both paths (JIT, pooled connections) before measuring.
  for (let i = 0; i < 50; i++) {
    await bareOnce();
    await collectSnapshot({ section, secret: getSecret });
  }

  // Interleaved so both see the same machine load.
  const bare: number[] = [];
  const snap: number[] = [];
  let findings = 0;
  for (let i = 0; i < N; i++) {
    bare.push(await bareOnce());
    const t0 = performance.now();
    const s = await collectSnapshot({ section, secret: getSecret });
    snap.push(performance.now() - t0);
    findings += s.clusters.reduce((n, c) => n + c.findings.length, 0);
  }
  for (const c of clients) c.disconnect();

  // 50 viewers polling every 250 ms for VIEW_MS: count collections.
  const before = snapshotCollections();
  const viewerLatency: number[] = [];
  const until = Date.now() + VIEW_MS;
  await Promise.all(
    Array.from({ length: VIEWERS }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        await currentSnapshot();
        viewerLatency.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    }),
  );
  const collections = snapshotCollections() - before;
  const allowed = Math.ceil(VIEW_MS / section.interval) + 1;
  closeRedisPool();
  closeRuntimeSessions();

  const p50 = pct(snap, 50);
  const bareP50 = pct(bare, 50);
  const out = {
    bench: "redis-topology",
    lab: lab.profile,
    processes: procs.length + stats.length,
    iterations: N,
    snapshot_ms: { p50, p99: pct(snap, 99) },
    bare_parallel_info_ms: { p50: bareP50, p99: pct(bare, 99) },
    ratio_p50: Math.round((p50 / bareP50) * 100) / 100,
    goal_ratio_p50: 3,
    goal_met: p50 <= 3 * bareP50,
    findings_seen: findings,
    viewers: {
      count: VIEWERS,
      poll_ms: POLL_MS,
      duration_ms: VIEW_MS,
      interval_ms: section.interval,
      requests: viewerLatency.length,
      collections,
      max_allowed: allowed,
      one_per_interval: collections <= allowed,
      latency_ms: { p50: pct(viewerLatency, 50), p99: pct(viewerLatency, 99) },
    },
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

void main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
