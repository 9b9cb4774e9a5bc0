// Registry walker benchmark against the running lab (SWITCHBOARD_LAB_PROFILE, default "test").
// Prints ONE JSON line: walker req/s vs the registry's own HEAD ceiling (ab -i -k) measured in
// the same run, vs the old probe's way (one curl process per request, serially), and full walks.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { RegistryClient, closeRegistryPools } from "../server/clients/registry";
import { walkRegistry } from "../server/services/registry/walker";

const profile = process.env.SWITCHBOARD_LAB_PROFILE ?? "test";
const lab = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "..", ".lab", profile, "lab.json"), "utf8")) as {
  env: Record<string, string>;
  services: { registry: { anonUrl: string } };
};
// The lab's anonymous, read-only instance over the main registry's storage (log level error): with
// htpasswd every request pays a bcrypt check, which measures bcrypt, not the walker.
const url = lab.services.registry.anonUrl;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const client = () => new RegistryClient({ url, connections });

async function main() {
  // A healthy blob to HEAD: the config of svc-000:latest.
  const c = client();
  const m = await c.getManifest("svc-000", "latest");
  if (!m.ok) throw new Error(`lab registry not answering: ${m.code}`);
  const blob = (JSON.parse(m.body) as { config: { digest: string } }).config.digest;
  const blobUrl = `${url}/v2/svc-000/blobs/${blob}`;

  const ab = spawnSync("ab", ["-i", "-k", "-q", "-c", String(connections), "-t", "5", "-n", "1000000", blobUrl], { encoding: "utf8" });
  const ceiling = Number(/Requests per second:\s+([\d.]+)/.exec(ab.stdout)?.[1] ?? NaN);
  const abFailed = Number(/Failed requests:\s+(\d+)/.exec(ab.stdout)?.[1] ?? NaN);
  // The walker mostly GETs manifests (heavier for the registry than a cached blob HEAD): its own ceiling.
  const accept =
    "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json";
  const abGet = spawnSync(
    "ab",
    ["-k", "-q", "-c", String(connections), "-t", "5", "-n", "1000000", "-H", `Accept: ${accept}`, `${url}/v2/svc-000/manifests/latest`],
    { encoding: "utf8" },
  );
  const manifestCeiling = Number(/Requests per second:\s+([\d.]+)/.exec(abGet.stdout)?.[1] ?? NaN);

  const curlN = 100;
  const t0 = performance.now();
  for (let i = 0; i < curlN; i++) execFileSync("curl", ["-s", "-o", "/dev/null", "-I", blobUrl]);
  const curlRps = curlN / ((performance.now() - t0) / 1000);

  // The first walk warms the JIT and the keep-alive pool (as a scheduled probe's process already is);
  // then the median of three full fast walks, each with a fresh client (no cached results).
  await walkRegistry(client(), connections, { registry: "lab", mode: "fast" });
  const fastRuns = [];
  for (let i = 0; i < 3; i++) fastRuns.push(await walkRegistry(client(), connections, { registry: "lab", mode: "fast" }));
  const fast = fastRuns.sort((a, b) => a.durationMs - b.durationMs)[1]!;
  const deep = await walkRegistry(client(), connections, { registry: "lab", mode: "deep" });
  const walkerRps = fast.counts.requests / (fast.durationMs / 1000);
  await closeRegistryPools();
  const r2 = (n: number) => Math.round(n * 100) / 100;
  process.stdout.write(
    JSON.stringify({
      bench: "registry",
      connections,
      ceiling_ab_head_rps: r2(ceiling),
      ab_failed: abFailed,
      walker_fast_rps: r2(walkerRps),
      walker_vs_ceiling: r2(walkerRps / ceiling),
      ceiling_ab_get_manifest_rps: r2(manifestCeiling),
      walker_vs_manifest_ceiling: r2(walkerRps / manifestCeiling),
      curl_serial_rps: r2(curlRps),
      walker_vs_curl: r2(walkerRps / curlRps),
      fast_walk_ms: fast.durationMs,
      fast_requests: fast.counts.requests,
      deep_walk_ms: deep.durationMs,
      deep_requests: deep.counts.requests,
      repos: fast.counts.repos,
      tags: fast.counts.tags,
      blobs: fast.counts.blobs,
      fast_findings: fast.findings.length,
      deep_findings: deep.findings.length,
    }) + "\n",
  );
}

void main();
