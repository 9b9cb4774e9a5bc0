import "server-only";
import { hasRole } from "@/server/auth/roles";
import type { Actor } from "@/server/auth/session";
import { Forbidden, NotFound, Precondition } from "@/server/errors";
import { getDb } from "@/server/store/db";
import { ciSettings } from "./client-for";
import { getRebuildRow } from "./rebuilds-store";

/** Asks Woodpecker to cancel the rebuild's pipeline; the watch then records "canceled". */
export async function cancelRebuild(ctx: { actor: Actor; signal?: AbortSignal }, input: { id: string }) {
  if (!hasRole(ctx.actor.role, "operator")) throw new Forbidden("Canceling a pipeline needs the operator role.");
  const row = await getRebuildRow(await getDb(), input.id);
  if (!row) throw new NotFound("No such rebuild.");
  if (row.outcome !== "watching" || row.pipeline_number === null) throw new Precondition("This pipeline is not running any more.");
  await ciSettings().client.cancelPipeline(row.repo_id, row.pipeline_number, ctx.signal);
  return { pipelineNumber: row.pipeline_number, pipelineUrl: row.pipeline_url, image: `${row.registry}/${row.repo}:${row.tag}` };
}
