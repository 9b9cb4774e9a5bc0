import { z } from "zod";
import { duration } from "../duration";
import { HostPort, HttpUrl } from "./common";

export const HaproxyTarget = z
  .object({
    name: z.string().default("haproxy"),
    frontend: HostPort,
    stats: HttpUrl.optional(),
    runtime: z.string().regex(/^(tcp:\/\/[^\s]+:\d+|unix:\/\/\/.+)$/, "expected tcp://host:port or unix:///path").optional(),
    backend: z.string().default("redis_master"),
  })
  .strict();

export const RedisCluster = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes"),
    masterName: z.string().default("mymaster"),
    nodes: z.array(HostPort).min(1),
    sentinels: z.array(HostPort).default([]),
    passwordEnv: z.string().optional(),
    username: z.string().optional(),
    mustSurvive: z.array(z.string()).default([]),
    haproxy: HaproxyTarget.optional(),
  })
  .strict();
export type RedisCluster = z.infer<typeof RedisCluster>;

export const RedisSection = z
  .object({
    interval: duration("5s"),
    deadline: duration("2s"),
    clusters: z.array(RedisCluster).default([]),
  })
  .strict()
  .prefault({ interval: "5s", deadline: "2s" });
