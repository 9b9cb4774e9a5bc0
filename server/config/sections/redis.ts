import { z } from "zod";
import { duration } from "../duration";
import { HostPort, HttpUrl } from "./common";

export const HaproxyTarget = z
  .object({
    name: z.string().default("haproxy"),
    /** Where clients connect; the collector connects here to see which node really answers. */
    frontend: HostPort,
    stats: HttpUrl.optional(),
    runtime: z
      .string()
      .regex(/^(tcp:\/\/[^\s]+:\d+|unix:\/\/\/.+)$/, "expected tcp://host:port or unix:///path")
      .optional(),
    /** Sent on the runtime API command line: HAProxy's proxy-name characters only. */
    backend: z
      .string()
      .regex(/^[A-Za-z0-9._:-]+$/, "letters, digits and . _ : - only")
      .default("redis_master"),
    /** Optional read-only copy of haproxy.cfg (e.g. the mounted ConfigMap) to check the health check itself. */
    configFile: z.string().min(1).optional(),
  })
  .strict();
export type HaproxyTarget = z.infer<typeof HaproxyTarget>;

export const RedisCluster = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes"),
    masterName: z.string().default("mymaster"),
    nodes: z.array(HostPort).min(1),
    sentinels: z.array(HostPort).default([]),
    passwordEnv: z.string().optional(),
    username: z.string().optional(),
    sentinelPasswordEnv: z.string().optional(),
    /** Sentinels must store hostnames; default: true when the nodes are configured by hostname. */
    hostnames: z.boolean().optional(),
    mustSurvive: z.array(z.string()).default([]),
    haproxy: HaproxyTarget.optional(),
  })
  .strict();
export type RedisCluster = z.infer<typeof RedisCluster>;

export const RedisSection = z
  .object({
    interval: duration("5s"),
    /** One deadline for a whole snapshot (every node, sentinel and HAProxy in parallel). */
    deadline: duration("2s"),
    lagThresholdBytes: z.number().int().positive().default(1_048_576),
    lagThresholdSeconds: z.number().int().positive().default(10),
    /** How long snapshots are kept in the store. */
    keep: duration("24h"),
    clusters: z.array(RedisCluster).default([]),
  })
  .strict()
  .prefault({ interval: "5s", deadline: "2s", keep: "24h" });
export type RedisSection = z.infer<typeof RedisSection>;
