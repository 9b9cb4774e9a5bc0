import path from "node:path";
import type { LabContext, LabService } from "../../lib/context";
import { applyDiskIncidents, expectedBroken, expectedStorage, hollowDigest, removeHollow, restoreHollow, saveHollow } from "./incidents";
import { pushImage, type PushTarget } from "./push-image";
import { garbageCollect, startRegistry, stopRegistry, writeHtpasswd, writeRegistryConfig, type RegistryInstance } from "./registry-process";
import { findSeeded, gcPhase, mainPhase, tokenPhase, type SeedEntry } from "./seed-plan";
import { setUpMirror } from "./mirror";
import { startTokenServer } from "./token-server";
import { writeFileSync } from "node:fs";
import { startFlakyProxy } from "./flaky-proxy";
import { flakyFaults } from "./flaky-faults";
import { DEFAULT_CHURN, expectedGcUnsafe } from "./mid-walk";

const USER = "ci";
export const REGISTRY_ENV = { user: "LAB_REGISTRY_USER", password: "LAB_REGISTRY_PASSWORD" } as const;

export async function pushAll(target: PushTarget, entries: SeedEntry[], concurrency = 6): Promise<void> {
  const byRepo = new Map<string, SeedEntry[]>();
  for (const e of entries) byRepo.set(e.repo, [...(byRepo.get(e.repo) ?? []), e]);
  const queue = [...byRepo.values()];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let list = queue.shift(); list; list = queue.shift()) for (const e of list) await pushImage(target, e.repo, e.tags, e.image);
    }),
  );
}

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;

/** Starts the main registry and makes the hollow blob: warm the descriptor cache, then delete the data underneath. */
async function startWithHollow(ctx: LabContext, main: RegistryInstance, auth: string, spare: string): Promise<void> {
  restoreHollow(main.root, spare);
  await startRegistry(ctx, main);
  const res = await fetch(`${main.url}/v2/hollow-layer/blobs/${hollowDigest()}`, {
    method: "HEAD",
    headers: { authorization: auth },
    signal: AbortSignal.timeout(5000),
  });
  if (res.status !== 200) throw new Error(`hollow blob warm-up answered ${res.status}`);
  removeHollow(main.root);
}

async function seedMain(ctx: LabContext, main: RegistryInstance, auth: string, spare: string): Promise<string> {
  const target = { url: main.url, authorization: auth };
  await startRegistry(ctx, main);
  await pushAll(target, gcPhase());
  await stopRegistry(ctx, main);
  await garbageCollect(main, { deleteUntagged: true, dryRun: false });
  await startRegistry(ctx, main);
  await pushAll(target, mainPhase());
  await stopRegistry(ctx, main);
  const dryRun = await garbageCollect(main, { deleteUntagged: true, dryRun: true });
  applyDiskIncidents(main.root, { gcVictims: false });
  saveHollow(main.root, spare);
  await startWithHollow(ctx, main, auth, spare);
  return dryRun;
}

export const registryService: LabService = {
  name: "registry",
  apt: ["docker-registry", "apache2-utils", "openssl"],
  async start(ctx) {
    const password = ctx.secret("registry-password");
    const auth = basic(USER, password);
    const dir = path.join(ctx.stateDir, "registry");
    const htpasswd = path.join(dir, "htpasswd");
    const spare = path.join(dir, "hollow-blob.data");
    const main = writeRegistryConfig(ctx, { name: "main", port: ctx.ports.registry, auth: { htpasswd } });
    await writeHtpasswd(htpasswd, USER, password);

    const token = await startTokenServer({ dir, port: ctx.ports.tokenServer, user: USER, password, lifetimeSeconds: 300 });
    const tokAnon = writeRegistryConfig(ctx, { name: "token", port: ctx.ports.registryToken, auth: null });
    const seedToken = async () => {
      await startRegistry(ctx, tokAnon);
      await pushAll({ url: tokAnon.url }, tokenPhase());
      await stopRegistry(ctx, tokAnon);
      const tok = writeRegistryConfig(ctx, {
        name: "token",
        port: ctx.ports.registryToken,
        auth: { token: { realm: token.realm, service: token.service, issuer: token.issuer, cert: token.certFile } },
      });
      await startRegistry(ctx, tok);
      return tok;
    };
    const [gcDryRun, tok, mirror] = await Promise.all([seedMain(ctx, main, auth, spare), seedToken(), setUpMirror(ctx)]);
    const gcDryRunFile = path.join(dir, "gc-dry-run.txt");
    writeFileSync(gcDryRunFile, gcDryRun);
    const flaky = await startFlakyProxy(ctx.ports.registryFlaky, main.url);
    const anon = writeRegistryConfig(ctx, {
      name: "anon",
      port: ctx.ports.registryAnon,
      auth: null,
      sharedRoot: main.root,
      logLevel: "error",
    });
    await startRegistry(ctx, anon);

    const restart = async () => {
      await stopRegistry(ctx, main);
      await startWithHollow(ctx, main, auth, spare);
    };
    const env = { [REGISTRY_ENV.user]: USER, [REGISTRY_ENV.password]: password };
    const common = { auth: { usernameEnv: REGISTRY_ENV.user, passwordEnv: REGISTRY_ENV.password }, interval: "15m" };
    return {
      env,
      config: {
        registries: [
          { name: "lab", url: main.url, instance: `127.0.0.1:${main.port}`, mode: "fast", storageRoot: main.root, gcDryRunFile, ...common },
          {
            name: "lab-flaky",
            url: flaky.url,
            instance: `127.0.0.1:${flaky.port}`,
            mode: "fast",
            include: ["svc-14*", DEFAULT_CHURN.repo],
            tagPageSize: 10,
            timeout: "2s",
            ...common,
          },
          { name: "lab-token", url: tok.url, instance: `127.0.0.1:${tok.port}`, mode: "fast", ...common },
          {
            name: "lab-mirror",
            url: mirror.instance.url,
            kind: "mirror",
            instance: `127.0.0.1:${mirror.instance.port}`,
            metricsUrl: mirror.metricsUrl,
            interval: "1h",
          },
        ],
      },
      facts: {
        url: main.url,
        tokenUrl: tok.url,
        mirrorUrl: mirror.instance.url,
        user: USER,
        passwordEnv: REGISTRY_ENV.password,
        storageRoot: main.root,
        gcDryRunFile,
        gcUnsafe: expectedGcUnsafe(),
        flakyUrl: flaky.url,
        anonUrl: anon.url,
        churn: DEFAULT_CHURN,
        broken: expectedBroken(),
        storage: expectedStorage(),
        mirrorNotCached: mirror.notCached,
        tokenRepos: [...new Set(tokenPhase().map((e) => e.repo))].length,
        repos: [...new Set([...gcPhase(), ...mainPhase()].map((e) => e.repo))].length,
      },
      info: [
        `  registry: ${main.url} (user ${USER}, password in ${REGISTRY_ENV.password}); token-auth ${tok.url}; mirror ${mirror.instance.url}`,
      ],
      faults: {
        stop: {
          description: "stop the main registry (catalog inaccessible)",
          inject: () => stopRegistry(ctx, main),
          heal: () => startWithHollow(ctx, main, auth, spare),
        },
        "token-lifetime": {
          description:
            "token lifetime in seconds ({seconds, announced?}: announced is the expires_in clients are told); heal restores 300 s; inject returns the token server's counters",
          inject: async (body) => {
            if (typeof body.seconds === "number")
              token.setLifetime(body.seconds, typeof body.announced === "number" ? body.announced : undefined);
            return token.stats();
          },
          heal: async () => token.setLifetime(300),
        },
        "repair-image": {
          description: "push the seeded image {repo, tag} again (every blob), the way a rebuild does",
          inject: async (body) => {
            const e = findSeeded(String(body.repo), String(body.tag));
            if (!e) throw new Error(`no seeded image ${String(body.repo)}:${String(body.tag)}`);
            await pushImage({ url: main.url, authorization: auth }, e.repo, e.tags, e.image, true);
            return { repaired: `${e.repo}:${String(body.tag)}` };
          },
          heal: async () => {
            await stopRegistry(ctx, main);
            applyDiskIncidents(main.root, { gcVictims: true });
            await startWithHollow(ctx, main, auth, spare);
          },
        },
        restart: { description: "restart the main registry (the hollow blob is re-made)", inject: restart, heal: restart },
        ...flakyFaults(flaky, main.root, { url: main.url, authorization: auth }),
      },
      stop: async () => {
        await flaky.close();
        await token.close();
      },
    };
  },
};
