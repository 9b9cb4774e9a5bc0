import "server-only";
import type { Registry } from "prom-client";
import { collectChromeMetrics } from "../services/chrome/metrics";
import { collectRegistryMetrics } from "../services/registry/metrics";
import { collectRedisMetrics } from "../services/redis/metrics";
import { collectCiMetrics } from "../services/ci/metrics";

export type MetricCollector = (registry: Registry) => Promise<void>;

/** Each area appends a collector that reads its latest stored results into gauges. */
export const metricCollectors: MetricCollector[] = [collectChromeMetrics, collectRegistryMetrics, collectRedisMetrics, collectCiMetrics];
