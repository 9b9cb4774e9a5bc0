import type { LabNode, LabTopology } from "./topology";

export function nodeConf(t: LabTopology, n: LabNode, replicaOf: LabNode | null): string {
  return [
    "bind 127.0.0.1",
    `port ${n.port}`,
    "daemonize no",
    'logfile ""',
    `dir ${n.dir}`,
    'save ""',
    "appendonly no",
    "repl-diskless-sync yes",
    "repl-diskless-sync-delay 0",
    "maxmemory-policy noeviction",
    // The lab's own admin user: fault switches keep working while `default` is fenced.
    `user lab on >${t.password} ~* &* +@all`,
    ...(n.cluster === "v2" ? ["replica-announce-ip localhost"] : []),
    ...(replicaOf ? [`replicaof ${replicaOf.host} ${replicaOf.port}`] : []),
    "",
  ].join("\n");
}

/** v2 sentinels store hostnames: resolve/announce-hostnames must come before MONITOR. */
export function sentinelConf(n: LabNode, master: LabNode): string {
  return [
    "bind 127.0.0.1",
    `port ${n.port}`,
    "daemonize no",
    'logfile ""',
    `dir ${n.dir}`,
    ...(n.cluster === "v2" ? ["sentinel resolve-hostnames yes", "sentinel announce-hostnames yes"] : []),
    `sentinel monitor mymaster ${master.host} ${master.port} 2`,
    "sentinel down-after-milliseconds mymaster 2000",
    "sentinel failover-timeout mymaster 6000",
    "sentinel parallel-syncs mymaster 1",
    "",
  ].join("\n");
}

/** "strict" = role:master + a connected replica, QUIT pipelined, fall 1; "weak" = role:master only. */
export type CheckVariant = "strict" | "weak";

export function haproxyConf(t: LabTopology, variant: CheckVariant): string {
  const v2 = t.nodes.filter((n) => n.cluster === "v2" && n.kind === "node");
  const check =
    variant === "strict"
      ? [
          "    tcp-check send info\\ replication\\r\\nQUIT\\r\\n",
          "    tcp-check expect string role:master",
          "    tcp-check expect rstring connected_slaves:[1-9]",
          "    default-server check inter 500ms fall 1 rise 1 on-marked-down shutdown-sessions",
        ]
      : [
          "    tcp-check send info\\ replication\\r\\n",
          "    tcp-check expect string role:master",
          "    tcp-check send QUIT\\r\\n",
          "    tcp-check expect string +OK",
          "    default-server check inter 500ms fall 2 rise 1 on-marked-down shutdown-sessions",
        ];
  return [
    "global",
    `    stats socket ipv4@127.0.0.1:${t.haproxy.runtime} level admin`,
    `    stats socket ${t.haproxy.sock} mode 600 level admin`,
    "    stats timeout 30s",
    "    log stdout format iso local0 info",
    "defaults",
    "    mode tcp",
    "    log global",
    "    timeout connect 1s",
    "    timeout client 60s",
    "    timeout server 60s",
    "    timeout check 1s",
    "frontend redis_fe",
    `    bind 127.0.0.1:${t.haproxy.port}`,
    "    default_backend redis_master",
    "backend redis_master",
    "    option tcp-check",
    "    tcp-check connect",
    "    tcp-check send PING\\r\\n",
    "    tcp-check expect string +PONG",
    ...check,
    ...v2.map((n, i) => `    server v2-${i} 127.0.0.1:${n.port}`),
    "frontend stats",
    "    mode http",
    `    bind 127.0.0.1:${t.haproxy.stats}`,
    "    stats enable",
    "    stats uri /stats",
    "    stats refresh 5s",
    "",
  ].join("\n");
}
