// Prints one closing line over every runner's JSON report: "N passed, N failed".
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2];
let passed = 0;
let failed = 0;
for (const name of ["unit", "integration"]) {
  const f = path.join(dir, `${name}.json`);
  if (!existsSync(f)) continue;
  const r = JSON.parse(readFileSync(f, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  console.log(`${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
const e2eFile = path.join(dir, "e2e.json");
if (existsSync(e2eFile)) {
  const s = JSON.parse(readFileSync(e2eFile, "utf8")).stats;
  passed += s.expected;
  failed += s.unexpected + s.flaky;
  console.log(`e2e: ${s.expected} passed, ${s.unexpected + s.flaky} failed`);
}
if (passed === 0) {
  console.log("0 passed, 1 failed");
  console.error("no test ran");
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
