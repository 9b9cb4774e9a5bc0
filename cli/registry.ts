import { RegistryClient, closeRegistryPools } from "@/server/clients/registry";
import { walkRegistry } from "@/server/services/registry/walker";
import type { WalkResult } from "@/server/services/registry/walk-types";
import { parseImageRef, registryUrl } from "./registry-ref";

export const USAGE = `usage:
  switchboard registry verify <host>/<repo>:<tag> [--deep] [--json] [--plain-http] [--connections N]
  switchboard registry scan <host|url> [--deep] [--json] [--plain-http] [--connections N] [--include glob] [--exclude glob]
credentials: REGISTRY_USER / REGISTRY_PASSWORD (Basic, or for the token server)
exit codes: 0 intact, 1 broken, 2 could not check`;

interface Flags {
  deep: boolean;
  json: boolean;
  plainHttp: boolean;
  connections: number;
  include: string[];
  exclude: string[];
}

function exitCode(r: WalkResult): number {
  if (r.tags.some((t) => t.status === "broken")) return 1;
  if (r.status === "could-not-run" || r.tags.some((t) => t.status === "could-not-check") || r.tags.length === 0) return 2;
  return 0;
}

function print(r: WalkResult, json: boolean, out: (s: string) => void): void {
  if (json) {
    out(
      JSON.stringify({
        status: r.status,
        reason: r.reason,
        counts: r.counts,
        images: r.tags.map(({ tree: _t, ...t }) => t),
        findings: r.findings,
        notCached: r.notCached,
        durationMs: r.durationMs,
      }),
    );
    return;
  }
  if (r.reason) out(`could not check: ${r.reason}`);
  for (const f of r.findings) out(`${f.kind.toUpperCase()}  ${f.diagnosis}`);
  const broken = r.tags.filter((t) => t.status === "broken").length;
  out(
    `${r.counts.repos} repos, ${r.counts.tags} tags, ${r.counts.indexes} indexes, ${r.counts.blobs} blobs, ${r.counts.requests} requests in ${r.durationMs} ms: ${broken ? `${broken} broken` : r.status === "could-not-run" ? "not checked" : "intact"}`,
  );
}

export async function runRegistryCli(args: string[], env: Record<string, string | undefined>, out: (s: string) => void): Promise<number> {
  const [verb, target, ...rest] = args;
  const flags: Flags = { deep: false, json: false, plainHttp: false, connections: 8, include: [], exclude: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--deep") flags.deep = true;
    else if (a === "--json") flags.json = true;
    else if (a === "--plain-http") flags.plainHttp = true;
    else if (a === "--connections") flags.connections = Math.max(1, Math.min(64, Number(rest[++i]) || 8));
    else if (a === "--include") flags.include.push(rest[++i] ?? "*");
    else if (a === "--exclude") flags.exclude.push(rest[++i] ?? "");
    else {
      out(`unknown option ${a}\n${USAGE}`);
      return 2;
    }
  }
  if (!target || (verb !== "verify" && verb !== "scan")) {
    out(USAGE);
    return 2;
  }
  const creds = { username: env.REGISTRY_USER, password: env.REGISTRY_PASSWORD };
  const mode = flags.deep ? "deep" : "fast";
  try {
    if (verb === "verify") {
      const ref = parseImageRef(target, flags.plainHttp);
      if (!ref) {
        out(`not an image reference: ${target}\n${USAGE}`);
        return 2;
      }
      const client = new RegistryClient({ url: ref.url, ...creds, connections: flags.connections });
      const r = await walkRegistry(client, flags.connections, { registry: ref.url, mode, images: [{ repo: ref.repo, tag: ref.tag }] });
      print(r, flags.json, out);
      return exitCode(r);
    }
    const url = registryUrl(target, flags.plainHttp);
    const client = new RegistryClient({ url, ...creds, connections: flags.connections });
    const r = await walkRegistry(client, flags.connections, { registry: url, mode, include: flags.include, exclude: flags.exclude });
    print(r, flags.json, out);
    return exitCode(r);
  } finally {
    await closeRegistryPools();
  }
}
