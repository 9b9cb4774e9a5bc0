import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LabContext } from "../../lib/context";
import { waitForPort } from "../../lib/wait";
import { haproxyConf, nodeConf, sentinelConf, type CheckVariant } from "./conf";
import type { LabNode, LabTopology } from "./topology";

/** Starts a redis-server in the foreground as a child of the lab; a leftover dump.rdb is removed (the stale-master trap). */
export async function startNode(ctx: LabContext, t: LabTopology, n: LabNode, replicaOf: LabNode | null): Promise<void> {
  mkdirSync(n.dir, { recursive: true });
  rmSync(path.join(n.dir, "dump.rdb"), { force: true });
  writeFileSync(n.conf, nodeConf(t, n, replicaOf));
  ctx.processes.spawn(n.proc, "redis-server", [n.conf]);
  await waitForPort(n.port, n.proc, 10_000);
}

export async function startSentinel(ctx: LabContext, n: LabNode, master: LabNode): Promise<void> {
  mkdirSync(n.dir, { recursive: true });
  writeFileSync(n.conf, sentinelConf(n, master));
  ctx.processes.spawn(n.proc, "redis-sentinel", [n.conf]);
  await waitForPort(n.port, n.proc, 10_000);
}

export async function startHaproxy(ctx: LabContext, t: LabTopology, variant: CheckVariant): Promise<void> {
  mkdirSync(t.haproxy.dir, { recursive: true });
  rmSync(t.haproxy.sock, { force: true });
  writeFileSync(t.haproxy.conf, haproxyConf(t, variant));
  ctx.processes.spawn("haproxy", "haproxy", ["-f", t.haproxy.conf]);
  await waitForPort(t.haproxy.runtime, "haproxy runtime API", 10_000);
}

export async function restartHaproxy(ctx: LabContext, t: LabTopology, variant: CheckVariant): Promise<void> {
  await ctx.processes.stop("haproxy");
  await startHaproxy(ctx, t, variant);
}
