import { readFileSync } from "node:fs";
import { RegistryClient, closeRegistryPools } from "@/server/clients/registry";
import { walkRegistry } from "@/server/services/registry/walker";
const lab = JSON.parse(readFileSync("/work/main/.lab/reg/lab.json", "utf8"));
const pw = lab.env.LAB_REGISTRY_PASSWORD;
const mode = (process.argv[2] ?? "fast") as "fast";
const url = process.argv[3] ?? lab.services.registry.url;
const c = new RegistryClient({ url, username: "ci", password: pw, connections: 16 });
const r = await walkRegistry(c, 16, { registry: "lab", mode, mirror: url === lab.services.registry.mirrorUrl });
console.log(r.status, r.reason, JSON.stringify(r.counts), r.durationMs, "ms", "tokens", c.auth.tokenFetches);
for (const f of r.findings) console.log(f.kind, f.repo, f.tags.join(","), f.diagnosis);
console.log(
  "notCached",
  JSON.stringify(r.notCached.map((n) => [n.repo, n.tag, n.digest, n.path.map((p) => p.label)])),
  r.notCached.length,
  "changed",
  r.changed,
  "foreign",
  r.foreign.length,
);
await closeRegistryPools();
