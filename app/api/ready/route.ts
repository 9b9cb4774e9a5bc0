import { sql } from "kysely";
import { getDb } from "@/server/store/db";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

/** Readiness: the store answers a query. No auth; says nothing about upstreams. */
export async function GET() {
  try {
    const db = await getDb();
    await sql`select 1`.execute(db);
    return Response.json({ status: "ready", store: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    logger.error({ op: "ready", err }, "store not reachable");
    return Response.json({ status: "not-ready", store: "unreachable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
