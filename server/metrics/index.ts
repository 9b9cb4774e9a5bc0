import "server-only";
import { Registry } from "prom-client";
import { metricCollectors } from "./collectors";

/**
 * Builds the exposition from stored results on every scrape: a scrape never starts a probe.
 * A fresh registry per scrape keeps gauges of removed targets from lingering.
 */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const registry = new Registry();
  for (const collect of metricCollectors) await collect(registry);
  return { contentType: registry.contentType, body: await registry.metrics() };
}
