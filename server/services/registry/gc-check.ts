import "server-only";
import { randomUUID } from "node:crypto";
import { open } from "node:fs/promises";
import type { TreeNode } from "@/lib/registry/finding";
import type { GcCheckResult } from "@/lib/registry/dto";
import { InvalidInput, Precondition } from "@/server/errors";
import { logger } from "@/server/logger";
import { getDb, nowIso } from "@/server/store/db";
import { findRegistry } from "./client-for";
import { findGcUnsafe, parseGcDryRun, type LiveIndex } from "./gc-preflight";
import { parseTree, saveFindings } from "./store-findings";

export const GC_KIND = "registry-gc";
export const MAX_DRY_RUN_BYTES = 16 * 1024 * 1024;

function descendants(n: TreeNode, out: { digest: string; label: string }[] = []): { digest: string; label: string }[] {
  for (const c of n.children) {
    if (c.role !== "index" && c.role !== "image") continue;
    if (c.digest) out.push({ digest: c.digest, label: c.platform ? `${c.platform} child` : c.label });
    descendants(c, out);
  }
  return out;
}

/** Every live tagged index of the last walk with all the manifests below it (nested indexes too). */
export async function liveIndexes(registry: string): Promise<LiveIndex[]> {
  const db = await getDb();
  const rows = await db.selectFrom("registry_tags").select(["repo", "tag", "digest", "tree"]).where("registry", "=", registry).execute();
  const out: LiveIndex[] = [];
  for (const r of rows) {
    const tree = parseTree(r.tree);
    if (!tree || tree.role !== "index" || !r.digest) continue;
    out.push({ repo: r.repo, tag: r.tag, digest: r.digest, children: descendants(tree) });
  }
  return out;
}

async function readDryRunFile(file: string): Promise<string> {
  const fh = await open(file, "r").catch(() => null);
  if (!fh) throw new Precondition("The configured GC dry-run file cannot be read.");
  try {
    const { size } = await fh.stat();
    if (size > MAX_DRY_RUN_BYTES) throw new Precondition("The configured GC dry-run file is larger than 16 MiB.");
    return await fh.readFile("utf8");
  } finally {
    await fh.close();
  }
}

/**
 * GC pre-flight: which manifests a `garbage-collect --dry-run --delete-untagged` would delete
 * while a live tagged index still points at them. Each one becomes a "do not run GC" finding.
 */
export async function checkGcDryRun(registry: string, input: { text?: string; trigger: string }): Promise<GcCheckResult> {
  const target = findRegistry(registry);
  let source: GcCheckResult["source"] = "pasted";
  let text = input.text;
  if (text === undefined || text.trim() === "") {
    if (!target.gcDryRunFile) throw new InvalidInput({ text: ["paste the dry-run output (no file is configured for this registry)"] });
    text = await readDryRunFile(target.gcDryRunFile);
    source = "file";
  }
  const eligible = [...parseGcDryRun(text).values()].reduce((n, s) => n + s.size, 0);
  const live = await liveIndexes(registry);
  if (live.length === 0 && eligible > 0)
    throw new Precondition("No walk has stored the tag trees yet: run the probe first, then check the dry run.");
  const findings = findGcUnsafe(text, live);
  const db = await getDb();
  const runId = randomUUID();
  const now = nowIso();
  const summary: GcCheckResult = { runId, checkedAt: now, source, eligible, unsafe: findings.length, liveIndexes: live.length };
  await db
    .insertInto("probe_runs")
    .values({
      id: runId,
      kind: GC_KIND,
      target: registry,
      started_at: now,
      finished_at: now,
      status: findings.length ? "failed" : "ok",
      trigger: input.trigger,
      summary: JSON.stringify(summary),
      error: null,
    })
    .execute();
  await saveFindings(db, registry, runId, now, findings, "all", (kind) => kind === "gc-unsafe");
  logger.info(
    { op: "registry.gcCheck", registry, source, eligible, unsafe: findings.length, trigger: input.trigger },
    "GC dry run checked",
  );
  return summary;
}

/** The last GC pre-flight of a registry, for the page. */
export async function lastGcCheck(registry: string): Promise<GcCheckResult | null> {
  const db = await getDb();
  const row = await db
    .selectFrom("probe_runs")
    .select(["summary"])
    .where("kind", "=", GC_KIND)
    .where("target", "=", registry)
    .orderBy("started_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.summary ? (JSON.parse(row.summary) as GcCheckResult) : null;
}
