import type { Ports } from "./ports";
import type { ProcessManager } from "./processes";

export type Fault = {
  description: string;
  inject: (body: Record<string, unknown>) => Promise<unknown>;
  heal: (body: Record<string, unknown>) => Promise<unknown>;
};

export interface LabContext {
  profile: string;
  /** Absolute directory for this profile's data, logs, pids, config. */
  stateDir: string;
  ports: Ports;
  /** Where the panel is (the OIDC client's redirect URI is derived from it). */
  panelUrl: string;
  processes: ProcessManager;
  /** A random secret, stable for the lifetime of this lab run. */
  secret: (name: string) => string;
  log: (msg: string) => void;
}

/** What one lab service contributes once it is ready. */
export interface ServiceOutput {
  /** Merged (deeply) into the panel's config file. */
  config?: Record<string, unknown>;
  /** Written to the env file the panel reads (secrets live here, never in the config). */
  env?: Record<string, string>;
  /** Extra facts tests need (ports, paths, names), stored in lab.json under the service name. */
  facts?: Record<string, unknown>;
  /** Lines printed when the lab is up (URLs, logins). */
  info?: string[];
  /** Fault switches, reachable at POST /faults/<service>/<name>/(inject|heal). */
  faults?: Record<string, Fault>;
  /** Runs after every fragment is merged, for edits a merge can't express (e.g. into another service's array entry). */
  patchConfig?: (config: Record<string, unknown>) => Record<string, unknown>;
  stop?: () => Promise<void>;
}

export interface LabService {
  name: string;
  /** Debian packages the service needs (the setup script installs them). */
  apt?: string[];
  start(ctx: LabContext): Promise<ServiceOutput>;
}
