import { verifyAudit } from "../server/audit/log";
import { getConfig } from "../server/config";
import { openDb } from "../server/store/db";

/** `npm run audit:verify [sqlite-file]`: walks the hash chain; exit 1 if anything was changed or removed. */
const file = process.argv[2] ?? getConfig().store.sqlite;
const db = await openDb(file);
const report = await verifyAudit(db);
await db.destroy();
if (report.problems.length === 0) {
  console.log(`audit log intact: ${report.entries} entries verified (${file})`);
  process.exit(0);
}
console.error(`audit log TAMPERED (${file}): ${report.problems.length} problem(s) in ${report.entries} entries`);
for (const p of report.problems) console.error(`  - ${p}`);
process.exit(1);
