import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import type { Fault, LabContext, ServiceOutput } from "./lib/context";
import { startControlServer } from "./lib/control";
import { deepMerge } from "./lib/merge";
import { portsFor } from "./lib/ports";
import { ProcessManager } from "./lib/processes";
import { waitForHttp } from "./lib/wait";
import { labServices } from "./services";
import { baseConfig } from "./base-config";

const { values } = parseArgs({
  options: {
    profile: { type: "string", default: "demo" },
    "port-base": { type: "string" },
    panel: { type: "boolean", default: false },
    "panel-port": { type: "string" },
    only: { type: "string" },
  },
});

const profile = values.profile!;
// Below Linux's ephemeral range (32768+) so an outgoing connection never holds a lab port.
const portBase = Number(values["port-base"] ?? (profile === "test" ? 21000 : 20000));
const panelPort = Number(values["panel-port"] ?? (profile === "test" ? 3300 : 3000));
const panelUrl = `http://127.0.0.1:${panelPort}`;
const root = path.resolve(import.meta.dirname, "..");
const stateDir = path.join(root, ".lab", profile);
const log = (msg: string) => process.stdout.write(`[lab] ${msg}\n`);

async function main() {
  mkdirSync(stateDir, { recursive: true });
  const processes = new ProcessManager(stateDir);
  const reaped = await processes.reapLeftovers();
  if (reaped.length) log(`stopped leftovers of a previous run: ${reaped.join(", ")}`);
  for (const f of readdirSync(stateDir)) if (f !== "pids") rmSync(path.join(stateDir, f), { recursive: true, force: true });
  mkdirSync(path.join(stateDir, "logs"), { recursive: true });
  writeFileSync(path.join(stateDir, "runner.pid"), String(process.pid));

  const secrets = new Map<string, string>();
  const ctx: LabContext = {
    profile,
    stateDir,
    ports: portsFor(portBase),
    panelUrl,
    processes,
    secret: (name) => {
      if (!secrets.has(name)) secrets.set(name, randomBytes(18).toString("base64url"));
      return secrets.get(name)!;
    },
    log,
  };

  const faults = new Map<string, Fault>();
  const outputs: { name: string; out: ServiceOutput }[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    for (const { out } of [...outputs].reverse()) await out.stop?.().catch(() => undefined);
    await processes.stopAll();
    control?.close();
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const control = await startControlServer(ctx.ports.control, faults);
  const only = values.only ? new Set(values.only.split(",")) : null;
  const wanted = labServices.filter((s) => !only || only.has(s.name));
  try {
    const started = Date.now();
    // Services start in parallel; each one waits for its own readiness.
    const results = await Promise.all(
      wanted.map(async (s) => {
        const t0 = Date.now();
        const out = await s.start(ctx);
        log(`${s.name} ready in ${Date.now() - t0} ms`);
        return { name: s.name, out };
      }),
    );
    outputs.push(...results);
    log(`all services ready in ${Date.now() - started} ms`);
  } catch (err) {
    log(`start failed: ${err instanceof Error ? err.message : String(err)}`);
    await shutdown(1);
    return;
  }

  let config = baseConfig(ctx);
  const env: Record<string, string> = {
    NEXTAUTH_URL: panelUrl,
    NEXTAUTH_SECRET: ctx.secret("nextauth"),
    SWITCHBOARD_METRICS_TOKEN: ctx.secret("metrics"),
  };
  const facts: Record<string, unknown> = {};
  for (const { name, out } of outputs) {
    if (out.config) config = deepMerge(config, out.config);
    Object.assign(env, out.env);
    facts[name] = out.facts ?? {};
    for (const [f, fault] of Object.entries(out.faults ?? {})) faults.set(`${name}/${f}`, fault);
  }
  for (const { out } of outputs) if (out.patchConfig) config = out.patchConfig(config);
  const configPath = path.join(stateDir, "switchboard.yaml");
  const envPath = path.join(stateDir, "env");
  writeFileSync(configPath, `# Written by the lab (${new Date().toISOString()}); do not edit.\n${stringify(config)}`);
  env.SWITCHBOARD_CONFIG = configPath;
  writeFileSync(
    envPath,
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n") + "\n",
    { mode: 0o600 },
  );

  if (values.panel) {
    processes.spawn(
      "panel",
      process.execPath,
      [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(panelPort)],
      {
        cwd: root,
        env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      },
    );
    await waitForHttp(`${panelUrl}/api/health`, (s) => s === 200, 60_000);
    log(`panel ready at ${panelUrl}`);
  }

  writeFileSync(
    path.join(stateDir, "lab.json"),
    JSON.stringify(
      {
        profile,
        panelUrl,
        configPath,
        envPath,
        controlUrl: `http://127.0.0.1:${ctx.ports.control}`,
        ports: ctx.ports,
        env,
        services: facts,
      },
      null,
      2,
    ),
    { mode: 0o600 },
  );
  const lines = [
    "",
    `Switchboard lab (${profile}) is up.`,
    values.panel ? `  panel:   ${panelUrl}` : `  panel:   not started (SWITCHBOARD_CONFIG=${configPath}, env in ${envPath})`,
    `  faults:  http://127.0.0.1:${ctx.ports.control}/faults`,
    ...outputs.flatMap(({ out }) => out.info ?? []),
    "Press Ctrl-C to stop everything.",
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
  writeFileSync(path.join(stateDir, "ready"), String(process.pid));

  processes.find("panel")?.exited.then((code) => {
    if (!stopping) {
      log(`panel exited with code ${code}; see ${processes.logPath("panel")}`);
      void shutdown(1);
    }
  });
}

void main();
