import "server-only";
import type { Selectable } from "kysely";
import type { RebuildOutcome } from "@/lib/ci/states";
import { logger } from "@/server/logger";
import { verifyImage } from "@/server/services/registry/verify-image";
import type { CiRebuildTable } from "@/server/store/tables/ci";

export interface VerifyOutcome {
  outcome: Extract<RebuildOutcome, "fixed" | "still-broken" | "not-verified">;
  status: "intact" | "broken" | "could-not-check";
  runId: string | null;
  findings: number;
  reason: string | null;
  message: string;
}

/** The deep walk after a successful pipeline: it stores the run and resolves the image's findings. */
export async function verifyAfterRebuild(
  row: Pick<Selectable<CiRebuildTable>, "id" | "registry" | "repo" | "tag" | "pipeline_number">,
): Promise<VerifyOutcome> {
  const image = `${row.repo}:${row.tag}`;
  const n = row.pipeline_number;
  try {
    const v = await verifyImage({ registry: row.registry, repo: row.repo, tag: row.tag, mode: "deep", trigger: `rebuild:${row.id}` });
    if (v.status === "intact")
      return {
        outcome: "fixed",
        status: v.status,
        runId: v.runId,
        findings: 0,
        reason: null,
        message: `Pipeline #${n} succeeded and ${image} verified intact (deep): its findings are resolved.`,
      };
    const reason = v.findings[0]?.diagnosis ?? null;
    if (v.status === "broken")
      return {
        outcome: "still-broken",
        status: v.status,
        runId: v.runId,
        findings: v.findings.length,
        reason,
        message: `Pipeline #${n} succeeded but ${image} is still broken${reason ? `: ${reason}` : ""}.`,
      };
    return {
      outcome: "not-verified",
      status: v.status,
      runId: v.runId,
      findings: v.findings.length,
      reason,
      message: `Pipeline #${n} succeeded but ${image} could not be checked${reason ? `: ${reason}` : ""}.`,
    };
  } catch (err) {
    logger.error({ op: "ci.verify", rebuild: row.id, err }, "verification after rebuild failed");
    const reason = "the verification could not run (see the server log)";
    return {
      outcome: "not-verified",
      status: "could-not-check",
      runId: null,
      findings: 0,
      reason,
      message: `Pipeline #${n} succeeded but ${image} could not be verified: ${reason}.`,
    };
  }
}
