import { execFile, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const BAD = `auth:
  issuer: http://127.0.0.1:1/application/o/switchboard
  clientId: switchboard
  clientSecretEnv: SB_TEST_SECRET
redis:
  clusters:
    - name: v2
      nodes: ["127.0.0.1:17100"]
      sentinels: [{ host: 127.0.0.1, port: "27100" }]
`;

function writeConfig(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "switchboard-startup-")), "switchboard.yaml");
  writeFileSync(file, text);
  return file;
}

describe("a bad configuration", () => {
  it("stops the server from starting, naming the file and the key", async () => {
    const file = writeConfig(BAD);
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", "0"], {
      env: { ...process.env, SWITCHBOARD_CONFIG: file, SB_TEST_SECRET: "x", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(output).toContain(`Invalid configuration in ${file}`);
    expect(output).toContain("redis.clusters[0].sentinels[0].port: expected number");
  });

  it("is reported the same way by npm run config:check, and a missing secret is named", async () => {
    const file = writeConfig(BAD);
    const run = promisify(execFile);
    const err = await run("npx", ["tsx", "--conditions=react-server", "scripts/config-check.ts", file], {
      env: { ...process.env, SB_TEST_SECRET: "" },
    }).catch((e: { code: number; stderr: string }) => e);
    expect("code" in err && err.code).toBe(1);
    expect("stderr" in err && err.stderr).toContain("redis.clusters[0].sentinels[0].port: expected number");
    const ok = writeConfig(BAD.replace(/redis:[\s\S]*/, ""));
    const missing = await run("npx", ["tsx", "--conditions=react-server", "scripts/config-check.ts", ok], {
      env: { ...process.env, SB_TEST_SECRET: "" },
    }).catch((e: { code: number; stderr: string }) => e);
    expect("stderr" in missing && missing.stderr).toContain("auth.clientSecretEnv: environment variable SB_TEST_SECRET is not set");
    const good = await run("npx", ["tsx", "--conditions=react-server", "scripts/config-check.ts", ok], {
      env: { ...process.env, SB_TEST_SECRET: "set" },
    });
    expect(good.stdout).toContain(": OK");
  });
});
