import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";
import { resetConfigForTests } from "@/server/config";
import { readLab, type LabInfo } from "./lab";

/**
 * Points getConfig() at the running lab's config and env, with a store of its own (a temporary
 * SQLite file), so a test never writes into the store of the panel the lab runs.
 * Call it at the top of an integration test file (module scope or beforeAll).
 */
export function setupLabConfig(overrides: (config: Record<string, unknown>) => void = () => undefined): LabInfo {
  const lab = readLab();
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-test-"));
  const config = parse(readFileSync(lab.configPath, "utf8")) as Record<string, unknown>;
  config.store = { sqlite: path.join(dir, "store.db"), filesDir: path.join(dir, "files") };
  overrides(config);
  const file = path.join(dir, "switchboard.yaml");
  writeFileSync(file, stringify(config));
  Object.assign(process.env, lab.env, { SWITCHBOARD_CONFIG: file });
  resetConfigForTests();
  const g = globalThis as { __switchboardDb?: unknown };
  delete g.__switchboardDb;
  return lab;
}
