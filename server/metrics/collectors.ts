import "server-only";
import type { Registry } from "prom-client";

export type MetricCollector = (registry: Registry) => Promise<void>;

/** Each area appends a collector that reads its latest stored results into gauges. */
export const metricCollectors: MetricCollector[] = [];
