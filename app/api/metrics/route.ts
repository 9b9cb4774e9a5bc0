import { logger } from "@/server/logger";
import { metricsAuthorized } from "@/server/metrics/auth";
import { renderMetrics } from "@/server/metrics";

export const dynamic = "force-dynamic";

/** Prometheus exposition from stored results; bearer token from the config. */
export async function GET(req: Request) {
  const ok = metricsAuthorized(req.headers.get("authorization"));
  if (ok === "not-configured") return new Response("metrics are not configured\n", { status: 404 });
  if (!ok) return new Response("unauthorized\n", { status: 401, headers: { "www-authenticate": 'Bearer realm="switchboard-metrics"' } });
  try {
    const { contentType, body } = await renderMetrics();
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch (err) {
    logger.error({ op: "metrics", err }, "metrics failed");
    return new Response("metrics unavailable\n", { status: 500 });
  }
}
