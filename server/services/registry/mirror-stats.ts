import "server-only";
import { z } from "zod";
import { fetchJson } from "@/server/clients/registry";

const Counter = z.object({ Requests: z.number(), Hits: z.number() }).partial();
const Vars = z.object({
  registry: z.object({ proxy: z.object({ blobs: Counter.optional(), manifests: Counter.optional() }).optional() }).optional(),
});

/** Hit rate of a pull-through mirror from distribution's /debug/vars (null when unknown). */
export async function mirrorHitRate(url: string): Promise<number | null> {
  const res = await fetchJson(url, 3000);
  if (res === null) return null;
  const parsed = Vars.safeParse(res);
  const proxy = parsed.success ? parsed.data.registry?.proxy : undefined;
  if (!proxy) return null;
  const req = (proxy.blobs?.Requests ?? 0) + (proxy.manifests?.Requests ?? 0);
  const hits = (proxy.blobs?.Hits ?? 0) + (proxy.manifests?.Hits ?? 0);
  return req > 0 ? Math.min(1, hits / req) : null;
}
