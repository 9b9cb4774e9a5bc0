import "server-only";
import { randomUUID } from "node:crypto";
import type { Finding } from "@/lib/registry/finding";
import { logger } from "@/server/logger";
import { getDb, nowIso } from "@/server/store/db";
import { clientFor, findRegistry } from "./client-for";
import { summarize, VERIFY_KIND } from "./run-probe";
import { imageFindings } from "./read-model";
import { saveFindings, saveTags } from "./store-findings";
import { walkRegistry } from "./walker";

export interface VerifyInput {
  registry: string;
  repo: string;
  tag: string;
  mode: "fast" | "deep";
  trigger: string;
}

export interface VerifyResult {
  status: "intact" | "broken" | "could-not-check";
  findings: Finding[];
  runId: string;
}

/** Walks one image, stores the run, updates/resolves that image's findings. */
export async function verifyImage(input: VerifyInput): Promise<VerifyResult> {
  const target = findRegistry(input.registry);
  const db = await getDb();
  const runId = randomUUID();
  await db
    .insertInto("probe_runs")
    .values({
      id: runId,
      kind: VERIFY_KIND,
      target: input.registry,
      started_at: nowIso(),
      finished_at: null,
      status: "running",
      trigger: input.trigger,
      summary: null,
      error: null,
    })
    .execute();
  const mirror = target.kind === "mirror";
  const result = await walkRegistry(clientFor(target), target.connections, {
    registry: input.registry,
    mirror,
    mode: input.mode,
    images: [{ repo: input.repo, tag: input.tag }],
  });
  const tag = result.tags[0];
  const status: VerifyResult["status"] =
    !tag || tag.status === "could-not-check" ? "could-not-check" : tag.status === "broken" ? "broken" : "intact";
  const now = nowIso();
  await saveFindings(
    db,
    input.registry,
    runId,
    now,
    result.findings,
    status === "could-not-check" ? [] : [{ repo: input.repo, tag: input.tag }],
  );
  if (tag && status !== "could-not-check") await saveTags(db, input.registry, runId, now, [tag], false);
  const summary = { ...summarize(result, mirror, false), image: `${input.repo}:${input.tag}`, imageStatus: status };
  await db
    .updateTable("probe_runs")
    .set({
      status: status === "broken" ? "failed" : status === "intact" ? "ok" : "could-not-run",
      finished_at: now,
      summary: JSON.stringify(summary),
      error: result.reason ?? (status === "could-not-check" ? (result.findings[0]?.diagnosis ?? "the image could not be checked") : null),
    })
    .where("id", "=", runId)
    .execute();
  logger.info(
    {
      op: "registry.verify",
      registry: input.registry,
      image: `${input.repo}:${input.tag}`,
      mode: input.mode,
      status,
      trigger: input.trigger,
    },
    "image verified",
  );
  return { status, findings: await imageFindings(input.registry, input.repo, input.tag), runId };
}
