import "server-only";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { getConfig } from "@/server/config";
import { getDb, nowIso } from "@/server/store/db";

/** `<store.filesDir or the store's directory>/screenshots`. */
export function screenshotsDir(): string {
  const store = getConfig().store;
  return path.join(path.resolve(store.filesDir ?? path.dirname(store.sqlite)), "screenshots");
}

export async function saveScreenshot(runId: string, check: string, verdict: string, full: Buffer, thumbnail: Buffer): Promise<void> {
  const dir = path.join(screenshotsDir(), check);
  await mkdir(dir, { recursive: true });
  const file = path.join(check, `${runId}.jpg`);
  const thumbFile = path.join(check, `${runId}.thumb.jpg`);
  await Promise.all([writeFile(path.join(screenshotsDir(), file), full), writeFile(path.join(screenshotsDir(), thumbFile), thumbnail)]);
  const db = await getDb();
  await db
    .insertInto("chrome_screenshots")
    .values({
      run_id: runId,
      check_name: check,
      verdict,
      created_at: nowIso(),
      file,
      thumb_file: thumbFile,
      bytes: full.length,
      thumb_bytes: thumbnail.length,
    })
    .execute();
}

/** Keeps the last `keep` screenshots of a check plus its last good and last failed/tripped one. */
export async function applyRetention(check: string, keep: number): Promise<number> {
  const db = await getDb();
  const rows = await db
    .selectFrom("chrome_screenshots")
    .select(["run_id", "verdict", "file", "thumb_file"])
    .where("check_name", "=", check)
    .orderBy("created_at", "desc")
    .execute();
  const kept = new Set(rows.slice(0, keep).map((r) => r.run_id));
  const lastGood = rows.find((r) => r.verdict === "ok");
  const lastBad = rows.find((r) => r.verdict === "failed" || r.verdict === "tripped");
  if (lastGood) kept.add(lastGood.run_id);
  if (lastBad) kept.add(lastBad.run_id);
  const doomed = rows.filter((r) => !kept.has(r.run_id));
  for (const r of doomed) {
    await Promise.all([
      rm(path.join(screenshotsDir(), r.file), { force: true }),
      rm(path.join(screenshotsDir(), r.thumb_file), { force: true }),
    ]);
  }
  if (doomed.length)
    await db
      .deleteFrom("chrome_screenshots")
      .where(
        "run_id",
        "in",
        doomed.map((r) => r.run_id),
      )
      .execute();
  return doomed.length;
}

export async function screenshotRunIds(runIds: string[]): Promise<Set<string>> {
  if (!runIds.length) return new Set();
  const db = await getDb();
  const rows = await db.selectFrom("chrome_screenshots").select("run_id").where("run_id", "in", runIds).execute();
  return new Set(rows.map((r) => r.run_id));
}

/** The JPEG bytes of a run's screenshot or thumbnail; null when retention removed it. */
export async function readScreenshot(runId: string, size: "full" | "thumb"): Promise<Buffer | null> {
  const db = await getDb();
  const row = await db.selectFrom("chrome_screenshots").select(["file", "thumb_file"]).where("run_id", "=", runId).executeTakeFirst();
  if (!row) return null;
  const rel = size === "thumb" ? row.thumb_file : row.file;
  const dir = screenshotsDir();
  const full = path.resolve(dir, rel);
  if (!full.startsWith(dir + path.sep)) return null;
  return readFile(full).catch(() => null);
}
