import "server-only";
import { Gauge, type Registry } from "prom-client";
import { REBUILD_OUTCOMES } from "@/lib/ci/states";
import { getDb } from "@/server/store/db";

/** Rebuilds started from the panel, from the store (a scrape never calls CI): running now, and finished by outcome. */
export async function collectCiMetrics(registry: Registry): Promise<void> {
  const db = await getDb();
  const rows = await db
    .selectFrom("ci_rebuilds")
    .select(["outcome", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("outcome")
    .execute();
  const total = new Gauge({
    name: "switchboard_ci_rebuilds",
    help: "Rebuilds started from the panel, by outcome (watching = pipeline still running)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  for (const outcome of REBUILD_OUTCOMES) total.set({ outcome }, Number(rows.find((r) => r.outcome === outcome)?.n ?? 0));
}
