import path from "node:path";
import { loadConfigFile } from "./load";
import type { Config } from "./schema";

export type { Config } from "./schema";

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly errors: string[],
  ) {
    super(`Invalid configuration in ${file}:\n${errors.map((e) => `  - ${e}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

interface Loaded {
  file: string;
  config: Config;
  secrets: Map<string, string>;
  env: Readonly<Record<string, string | undefined>>;
}

const g = globalThis as typeof globalThis & { __switchboardConfig?: Loaded };

/** The only place that reads process.env. */
export function configPath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.SWITCHBOARD_CONFIG ?? "./switchboard.yaml");
}

function load(): Loaded {
  if (g.__switchboardConfig) return g.__switchboardConfig;
  const file = configPath();
  const result = loadConfigFile(file, process.env);
  if (!result.ok) throw new ConfigError(file, result.errors);
  g.__switchboardConfig = {
    file,
    config: result.config,
    secrets: result.secrets,
    env: {
      NEXTAUTH_URL: process.env.NEXTAUTH_URL,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
      LOG_LEVEL: process.env.LOG_LEVEL,
    },
  };
  return g.__switchboardConfig;
}

export const getConfig = (): Config => load().config;

/** The value of a secret named in the config by its env-var name (e.g. `auth.clientSecretEnv`). */
export function getSecret(envName: string): string {
  const v = load().secrets.get(envName);
  if (v === undefined) throw new ConfigError(load().file, [`environment variable ${envName} is not set`]);
  return v;
}

export const getRuntimeEnv = () => load().env;

/** The log level, readable before (and even without) a valid config. */
export const logLevel = (): string => process.env.LOG_LEVEL ?? "info";

/** For tests: forget the loaded config so the next call reads the file again. */
export function resetConfigForTests(): void {
  delete g.__switchboardConfig;
}
