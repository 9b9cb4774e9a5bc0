import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getConfig, getSecret } from "../config";

/** True when the request carries the configured bearer token (compared in constant time). */
export function metricsAuthorized(header: string | null): boolean | "not-configured" {
  const cfg = getConfig().metrics;
  if (!cfg) return "not-configured";
  const expected = Buffer.from(`Bearer ${getSecret(cfg.tokenEnv)}`);
  const got = Buffer.from(header ?? "");
  return got.length === expected.length && timingSafeEqual(got, expected);
}
