import "server-only";
import { getConfig, getSecret } from "@/server/config";
import type { RegistryTarget } from "@/server/config/sections/registry";
import { RegistryClient } from "@/server/clients/registry";
import { NotFound } from "@/server/errors";

export function findRegistry(name: string): RegistryTarget {
  const target = getConfig().registries.find((r) => r.name === name);
  if (!target) throw new NotFound(`No registry named "${name}" is configured.`);
  return target;
}

export function clientFor(target: RegistryTarget): RegistryClient {
  return new RegistryClient({
    url: target.url,
    username: target.auth ? getSecret(target.auth.usernameEnv) : undefined,
    password: target.auth ? getSecret(target.auth.passwordEnv) : undefined,
    connections: target.connections,
    timeoutMs: target.timeout,
  });
}

export const instanceLabel = (t: RegistryTarget) => t.instance ?? new URL(t.url).host;
