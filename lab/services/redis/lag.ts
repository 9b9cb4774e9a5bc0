import { Redis } from "ioredis";
import type { Fault, LabContext } from "../../lib/context";
import { waitFor } from "../../lib/wait";
import { sentinelMaster, tryCall } from "./admin";
import { waitHealthy } from "./healthy";
import { nodesOf, type ClusterName, type LabNode, type LabTopology } from "./topology";

const LAG_KEY = "lab:replication-lag";
const VALUE = "x".repeat(1024);
/** 1.5 MB of replication stream: over the lab's 1 MB lag threshold, far below the replica output buffer limit. */
const WRITES = 1_500;

async function writeToMaster(t: LabTopology, master: LabNode): Promise<number> {
  const client = new Redis({
    host: "127.0.0.1",
    port: master.port,
    username: "lab",
    password: t.password,
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    // One key overwritten: the stream grows, the key counts per db stay as seeded (plus this key, removed on heal).
    for (let i = 0; i < WRITES; i += 100) {
      const p = client.pipeline();
      for (let j = 0; j < 100; j++) p.set(LAG_KEY, VALUE);
      await p.exec();
    }
    return Number(/master_repl_offset:(\d+)/.exec(String(await client.call("INFO", "replication")))?.[1] ?? 0);
  } finally {
    client.disconnect();
  }
}

/** A replica stops reading its replication stream (SIGSTOP) while a bounded writer writes to the master. */
export function lagFault(ctx: LabContext, t: LabTopology): Fault {
  const stopped = new Map<number, { cluster: ClusterName; master: LabNode }>();
  return {
    description:
      "Replication lag in {cluster} (default old): the replica is stopped (SIGSTOP) while 1.5 MB is written to the master over loopback; heal resumes it and removes the key",
    inject: async (b) => {
      const cluster: ClusterName = b.cluster === "v2" ? "v2" : "old";
      const master = await sentinelMaster(t, cluster);
      const replica = nodesOf(t, cluster, "node").find((n) => n !== master)!;
      const pid = ctx.processes.find(replica.proc)?.pid;
      if (!pid) throw new Error(`${replica.proc} is not running`);
      process.kill(pid, "SIGSTOP");
      stopped.set(pid, { cluster, master });
      const offset = await writeToMaster(t, master);
      return { replica: replica.proc, master: master.proc, masterOffset: offset };
    },
    heal: async () => {
      for (const [pid, { cluster, master }] of stopped) {
        process.kill(pid, "SIGCONT");
        stopped.delete(pid);
        await tryCall(t, master, "DEL", LAG_KEY);
        await waitFor(`${cluster} replicas caught up`, async () => {
          const info = await tryCall(t, master, "INFO", "replication");
          const text = typeof info === "string" ? info : "";
          const own = Number(/master_repl_offset:(\d+)/.exec(text)?.[1] ?? -1);
          const offsets = [...text.matchAll(/slave\d+:.*offset=(\d+)/g)].map((m) => Number(m[1]));
          return offsets.length > 0 && offsets.every((o) => o === own);
        });
        await waitHealthy(t, cluster);
      }
    },
  };
}
