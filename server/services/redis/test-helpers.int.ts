import { getConfig, getSecret } from "@/server/config";
import type { Snapshot } from "@/lib/redis/snapshot";
import { eventually, fault } from "@/test/lab";
import { collectSnapshot } from "./collect";

export const snap = (): Promise<Snapshot> => collectSnapshot({ section: getConfig().redis, secret: getSecret });

export const kindsOf = (s: Snapshot, cluster: string) => s.clusters.find((c) => c.name === cluster)!.findings.map((f) => f.kind);

/** Inject → the finding appears ("kind", or "cluster:kind" for another cluster) → heal → it clears (and nothing else is left behind). */
export async function injectAndHeal(
  name: string,
  cluster: string,
  kind: string | string[],
  body: Record<string, unknown> = {},
): Promise<Snapshot> {
  const kinds = Array.isArray(kind) ? kind : [kind];
  await fault(`redis/${name}`, "inject", body);
  let seen: Snapshot;
  const missing = new Set(kinds);
  try {
    // Each finding must show up; sentinel faults can flap, so they need not all show at once.
    seen = await eventually(
      async () => {
        const s = await snap();
        for (const k of [...missing])
          if (k.includes(":") ? kindsOf(s, k.split(":")[0]!).includes(k.split(":")[1]!) : kindsOf(s, cluster).includes(k))
            missing.delete(k);
        return missing.size === 0 ? s : null;
      },
      20_000,
      `${kinds.join(" + ")} on ${cluster} after ${name}`,
    );
  } finally {
    await fault(`redis/${name}`, "heal", body);
  }
  await eventually(
    async () => {
      const s = await snap();
      return s.clusters.every((c) => c.findings.length === 0) ? s : null;
    },
    30_000,
    `no findings after healing ${name}`,
  );
  return seen;
}
