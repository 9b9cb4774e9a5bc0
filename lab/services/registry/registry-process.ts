import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { stringify } from "yaml";
import type { LabContext } from "../../lib/context";
import { waitForHttp } from "../../lib/wait";

const run = promisify(execFile);

export type RegistryAuth = { htpasswd: string } | { token: { realm: string; service: string; issuer: string; cert: string } } | null;

export interface RegistryInstance {
  name: string;
  port: number;
  root: string;
  configFile: string;
  url: string;
}

export interface InstanceOpts {
  name: string;
  port: number;
  auth: RegistryAuth;
  proxy?: { remoteurl: string; username?: string; password?: string };
  debugPort?: number;
  /** Serve another instance's storage (read-only) instead of a root of its own. */
  sharedRoot?: string;
  logLevel?: "error" | "warn" | "info";
}

/** Writes a distribution 2.8 config for one instance (filesystem driver, delete on, loopback only). */
export function writeRegistryConfig(ctx: LabContext, o: InstanceOpts): RegistryInstance {
  const dir = path.join(ctx.stateDir, "registry", o.name);
  const root = o.sharedRoot ?? path.join(dir, "data");
  mkdirSync(root, { recursive: true });
  mkdirSync(dir, { recursive: true });
  const auth =
    o.auth && "htpasswd" in o.auth
      ? { htpasswd: { realm: "switchboard-lab", path: o.auth.htpasswd } }
      : o.auth
        ? {
            token: {
              realm: o.auth.token.realm,
              service: o.auth.token.service,
              issuer: o.auth.token.issuer,
              rootcertbundle: o.auth.token.cert,
            },
          }
        : undefined;
  const cfg = {
    version: 0.1,
    log: { level: o.logLevel ?? "warn", accesslog: { disabled: true } },
    storage: {
      cache: { blobdescriptor: "inmemory" },
      filesystem: { rootdirectory: root },
      delete: { enabled: !o.sharedRoot },
      ...(o.sharedRoot ? { maintenance: { uploadpurging: { enabled: false }, readonly: { enabled: true } } } : {}),
    },
    http: {
      addr: `127.0.0.1:${o.port}`,
      headers: { "X-Content-Type-Options": ["nosniff"] },
      ...(o.debugPort ? { debug: { addr: `127.0.0.1:${o.debugPort}`, prometheus: { enabled: true, path: "/metrics" } } } : {}),
    },
    validation: { manifests: { urls: { allow: ["^https://"] } } },
    ...(auth ? { auth } : {}),
    ...(o.proxy ? { proxy: o.proxy } : {}),
  };
  const configFile = path.join(dir, "config.yml");
  writeFileSync(configFile, stringify(cfg));
  return { name: o.name, port: o.port, root, configFile, url: `http://127.0.0.1:${o.port}` };
}

const procName = (r: RegistryInstance) => `registry-${r.name}`;

export async function startRegistry(ctx: LabContext, r: RegistryInstance): Promise<void> {
  ctx.processes.spawn(procName(r), "docker-registry", ["serve", r.configFile], { env: { ...process.env, GOGC: "400" } });
  await waitForHttp(`${r.url}/v2/`, (s) => s === 200 || s === 401, 20_000);
}

export async function stopRegistry(ctx: LabContext, r: RegistryInstance): Promise<void> {
  await ctx.processes.stop(procName(r));
}

export const registryRunning = (ctx: LabContext, r: RegistryInstance) => ctx.processes.isRunning(procName(r));

/** `garbage-collect` on a stopped instance; returns its stdout (the dry-run listing when dryRun). */
export async function garbageCollect(r: RegistryInstance, opts: { deleteUntagged: boolean; dryRun: boolean }): Promise<string> {
  const args = [
    "garbage-collect",
    ...(opts.dryRun ? ["--dry-run"] : []),
    ...(opts.deleteUntagged ? ["--delete-untagged"] : []),
    r.configFile,
  ];
  const { stdout, stderr } = await run("docker-registry", args, { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  return stdout + stderr;
}

/** bcrypt htpasswd (distribution accepts only bcrypt). */
export async function writeHtpasswd(file: string, user: string, password: string): Promise<void> {
  await run("htpasswd", ["-Bbc", "-C", "5", file, user, password]);
}
