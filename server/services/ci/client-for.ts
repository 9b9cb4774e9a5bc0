import "server-only";
import { getConfig, getSecret } from "@/server/config";
import { woodpeckerClient, type WoodpeckerClient } from "@/server/clients/woodpecker";
import { Precondition } from "@/server/errors";

export interface CiSettings {
  client: WoodpeckerClient;
  webUrl: string;
  watchForMs: number;
  pollEveryMs: number;
}

/** The Woodpecker client from the config; a clear precondition error when CI is not configured. */
export function ciSettings(): CiSettings {
  const wp = getConfig().ci?.woodpecker;
  if (!wp) throw new Precondition("No CI server is configured (ci.woodpecker).");
  return {
    client: woodpeckerClient({ url: wp.url, token: getSecret(wp.tokenEnv), timeoutMs: wp.timeout }),
    webUrl: wp.webUrl ?? wp.url,
    watchForMs: wp.watchFor,
    pollEveryMs: wp.pollEvery,
  };
}

/** A repo id as configured, or looked up by owner/name (the API wants the number). */
export async function resolveRepoId(client: WoodpeckerClient, ciRepo: string | number, signal?: AbortSignal): Promise<number> {
  if (typeof ciRepo === "number") return ciRepo;
  return (await client.lookupRepo(ciRepo, signal)).id;
}
