#!/usr/bin/env node
// Runs the TypeScript CLI through tsx; react-server makes `server-only` resolve to its empty export.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const tsx = require.resolve("tsx", { paths: [root] });
const res = spawnSync(
  process.execPath,
  ["--conditions=react-server", "--import", tsx, path.join(root, "cli/main.ts"), ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") },
  },
);
process.exit(res.status ?? 2);
