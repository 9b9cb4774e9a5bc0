import { makeLayer, makeMulti, makeNested, makeSingle, type Image } from "./image-gen";

export interface SeedEntry {
  repo: string;
  tags: string[];
  image: Image;
}

const memo = new Map<string, SeedEntry[]>();
const once = (key: string, make: () => SeedEntry[]) => () => {
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key)!;
};

const base = makeLayer("etc/os-release", "ID=lab-base\nVERSION_ID=1\n");

/** Pushed first, then `garbage-collect --delete-untagged` runs on the stopped registry: their children get orphaned. */
export const gcPhase = once("gc", () => [
  { repo: "infra-ci", tags: ["latest"], image: makeMulti({ seed: "infra-ci", format: "oci", attest: true }) },
  { repo: "infra-ci", tags: ["docker-latest"], image: makeMulti({ seed: "infra-ci-docker", format: "docker" }) },
]);

/** Images damaged on disk after seeding (the incident list in index.ts names what is done to each). */
export const INCIDENT_REPOS = {
  cleanup: { repo: "cleanup-victim", tag: "latest" },
  missingConfig: { repo: "missing-config", tag: "2.0" },
  missingLayer: { repo: "missing-layer", tag: "3.1" },
  hollow: { repo: "hollow-layer", tag: "1.4" },
} as const;

export const mainPhase = once("main", () => {
  const out: SeedEntry[] = [];
  for (let i = 0; i < 150; i++) {
    const repo = `svc-${String(i).padStart(3, "0")}`;
    const format = i % 2 ? "docker" : "oci";
    out.push({ repo, tags: ["1.0", "latest"], image: makeSingle({ seed: repo, format, shared: [base] }) });
    if (i % 3 === 0) out.push({ repo, tags: ["0.9"], image: makeSingle({ seed: `${repo}-old`, format, shared: [base] }) });
  }
  for (let i = 0; i < 10; i++) {
    const repo = `multi-${String(i).padStart(2, "0")}`;
    out.push({ repo, tags: ["latest", "v1"], image: makeMulti({ seed: repo, format: "oci", attest: true, shared: [base] }) });
  }
  for (let i = 0; i < 5; i++) {
    const repo = `list-${String(i).padStart(2, "0")}`;
    out.push({ repo, tags: ["latest"], image: makeMulti({ seed: repo, format: "docker", shared: [base] }) });
  }
  for (const repo of ["many-tags-a", "many-tags-b"]) {
    for (let t = 0; t < 60; t++) {
      const tag = `build-${String(t).padStart(3, "0")}`;
      out.push({ repo, tags: [tag], image: makeSingle({ seed: `${repo}-${tag}`, format: "oci", shared: [base] }) });
    }
  }
  out.push({ repo: "nested-index", tags: ["latest"], image: makeNested("nested-index") });
  out.push({ repo: "foreign-layer", tags: ["ltsc"], image: makeSingle({ seed: "foreign-layer", format: "docker", foreignLayer: true }) });
  const { cleanup, missingConfig, missingLayer, hollow } = INCIDENT_REPOS;
  out.push({ repo: cleanup.repo, tags: [cleanup.tag], image: makeMulti({ seed: cleanup.repo, format: "oci", attest: true }) });
  out.push({
    repo: missingConfig.repo,
    tags: [missingConfig.tag],
    image: makeSingle({ seed: missingConfig.repo, format: "oci", shared: [base] }),
  });
  out.push({
    repo: missingLayer.repo,
    tags: [missingLayer.tag],
    image: makeSingle({ seed: missingLayer.repo, format: "docker", shared: [base] }),
  });
  out.push({ repo: hollow.repo, tags: [hollow.tag], image: makeSingle({ seed: hollow.repo, format: "oci", shared: [base] }) });
  return out;
});

/** The token-auth instance: enough repos and tags that a deep walk outlives a 1 s token. */
export const tokenPhase = once("token", () => {
  const out: SeedEntry[] = [];
  for (let i = 0; i < 80; i++) {
    const repo = `tok-${String(i).padStart(2, "0")}`;
    for (let t = 0; t < 4; t++)
      out.push({ repo, tags: [`v${t}`], image: makeSingle({ seed: `${repo}-v${t}`, format: "oci", shared: [base] }) });
  }
  return out;
});

/** What the mirror's upstream holds; only linux/amd64 of mirror-demo is pulled through the mirror. */
export const mirrorUpstreamPhase = once("mirror", () => [
  { repo: "mirror-demo", tags: ["latest"], image: makeMulti({ seed: "mirror-demo", format: "oci", attest: true }) },
  { repo: "mirror-full", tags: ["stable"], image: makeSingle({ seed: "mirror-full", format: "oci" }) },
]);

/** Every seeded image by repo:tag, so a rebuild can push exactly the same bytes again. */
export function findSeeded(repo: string, tag: string): SeedEntry | undefined {
  return [...gcPhase(), ...mainPhase(), ...tokenPhase(), ...mirrorUpstreamPhase()].find((e) => e.repo === repo && e.tags.includes(tag));
}
