import net from "node:net";
import { Redis } from "ioredis";
import type { ClusterName, LabNode, LabTopology } from "./topology";
import { nodesOf } from "./topology";

/** One short-lived connection per call: the lab never keeps sockets to processes it may kill or pause. */
export async function call(t: LabTopology, n: LabNode, ...args: (string | number)[]): Promise<unknown> {
  const client = new Redis({
    host: "127.0.0.1",
    port: n.port,
    ...(n.kind === "node" ? { username: "lab", password: t.password } : {}),
    lazyConnect: true,
    connectTimeout: 1000,
    commandTimeout: 1500,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return await client.call(String(args[0]), ...args.slice(1).map(String));
  } finally {
    client.disconnect();
  }
}

export const tryCall = (t: LabTopology, n: LabNode, ...args: (string | number)[]) => call(t, n, ...args).catch(() => null);

/** The node the cluster's sentinels name as master (first sentinel that answers). */
export async function sentinelMaster(t: LabTopology, cluster: ClusterName): Promise<LabNode> {
  for (const s of nodesOf(t, cluster, "sentinel")) {
    const reply = await tryCall(t, s, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", "mymaster");
    if (Array.isArray(reply) && reply.length === 2) {
      const port = Number(reply[1]);
      const node = nodesOf(t, cluster, "node").find((n) => n.port === port);
      if (node) return node;
    }
  }
  throw new Error(`no sentinel of ${cluster} names a master of ${cluster}`);
}

/** Stops sentinel from "fixing" a node we broke on purpose (its REPLICAOF is refused for `default`). */
export const fence = (t: LabTopology, n: LabNode) => call(t, n, "ACL", "SETUSER", "default", "-slaveof", "-replicaof");
export const unfence = (t: LabTopology, n: LabNode) => call(t, n, "ACL", "SETUSER", "default", "+@all");

export function haproxyCommand(t: LabTopology, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const s = net.connect({ host: "127.0.0.1", port: t.haproxy.runtime });
    s.setTimeout(2000, () => s.destroy(new Error("haproxy runtime API timed out")));
    s.on("connect", () => s.write(`${command}\n`));
    s.on("data", (c) => chunks.push(c));
    s.on("error", reject);
    s.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

/** `show stat` rows of the redis_master backend: server name -> status. */
export async function haproxyStatus(t: LabTopology): Promise<Map<string, string>> {
  const csv = await haproxyCommand(t, "show stat");
  const lines = csv.split("\n").filter((l) => l.startsWith("redis_master,"));
  const out = new Map<string, string>();
  for (const l of lines) {
    const f = l.split(",");
    if (f[1] && f[1] !== "BACKEND") out.set(f[1], f[17] ?? "");
  }
  return out;
}
