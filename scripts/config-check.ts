import { configPath } from "../server/config";
import { loadConfigFile } from "../server/config/load";

/** `npm run config:check [file]`: validates the config exactly as the server does at start. */
const file = process.argv[2] ?? configPath();
const result = loadConfigFile(file, process.env);
if (result.ok) {
  const c = result.config;
  console.log(`${file}: OK`);
  console.log(
    `  chrome checks: ${c.chrome.checks.length}, registries: ${c.registries.length}, redis clusters: ${c.redis.clusters.length}, ci: ${c.ci ? "woodpecker" : "none"}`,
  );
  process.exit(0);
}
console.error(`Invalid configuration in ${file}:`);
for (const e of result.errors) console.error(`  - ${e}`);
process.exit(1);
