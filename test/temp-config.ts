import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { resetConfigForTests } from "@/server/config";

/** A minimal valid config with a store of its own in a temp dir, for tests that need no lab. */
export function useTempConfig(extra: Record<string, unknown> = {}): { dir: string; sqlite: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-unit-"));
  const sqlite = path.join(dir, "store.db");
  const config = {
    auth: { issuer: "http://127.0.0.1:1/application/o/switchboard", clientId: "switchboard", clientSecretEnv: "TEST_CLIENT_SECRET" },
    store: { sqlite },
    ...extra,
  };
  const file = path.join(dir, "switchboard.yaml");
  writeFileSync(file, stringify(config));
  Object.assign(process.env, { SWITCHBOARD_CONFIG: file, TEST_CLIENT_SECRET: "unit-test-secret" });
  resetConfigForTests();
  delete (globalThis as { __switchboardDb?: unknown }).__switchboardDb;
  return { dir, sqlite };
}
