import "server-only";
import { randomUUID } from "node:crypto";
import type { ChromeExposure } from "@/lib/chrome/dto";
import { checkExposure } from "@/server/clients/browser";
import { getConfig, getSecret } from "@/server/config";
import { logger } from "@/server/logger";
import { getDb, nowIso } from "@/server/store/db";

const KIND = "chrome-exposure";

/** Tries GET /json on the service like anyone on the network could; stores the finding. */
export async function runExposureCheck(): Promise<ChromeExposure | null> {
  const service = getConfig().chrome.service;
  if (!service || !service.exposureCheck) return null;
  const result = await checkExposure(service.url, getSecret(service.tokenEnv));
  const host = new URL(service.url).host;
  const db = await getDb();
  await db
    .insertInto("probe_runs")
    .values({
      id: randomUUID(),
      kind: KIND,
      target: host,
      started_at: result.checkedAt,
      finished_at: nowIso(),
      status: result.error ? "could-not-run" : result.exposed ? "failed" : "ok",
      trigger: "schedule",
      summary: JSON.stringify(result),
      error: null,
    })
    .execute();
  if (result.revealsToken) logger.warn({ op: "chrome.exposure", host }, "the browser service reveals its token on GET /json");
  return result;
}

export async function latestExposure(): Promise<ChromeExposure | null> {
  const service = getConfig().chrome.service;
  if (!service) return null;
  const db = await getDb();
  const row = await db
    .selectFrom("probe_runs")
    .select("summary")
    .where("kind", "=", KIND)
    .where("target", "=", new URL(service.url).host)
    .orderBy("started_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.summary ? (JSON.parse(row.summary) as ChromeExposure) : null;
}
