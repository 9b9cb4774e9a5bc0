import type http from "node:http";
import type { LabService } from "../../lib/context";
import { createApi } from "./api";
import type { RepoDef } from "./model";
import { rebuildImage } from "./rebuild";
import { Runner } from "./runner";
import { labRebuildMap } from "./rebuild-map";

export const WOODPECKER_TOKEN_ENV = "WOODPECKER_TOKEN";
/** The lab registry's user (see lab/services/registry); its password is the shared lab secret. */
const REGISTRY_USER = "ci";

const REPOS: RepoDef[] = [
  {
    id: 1,
    owner: "platform",
    name: "infra",
    defaultBranch: "master",
    workflows: [
      { name: "build-image", events: ["push", "manual"], steps: ["build-and-push", "verify-integrity"], rebuilds: true },
      { name: "pve-nfs-exports-sync", events: ["manual", "cron"], steps: ["sync-exports"] },
      { name: "registry-config-sync", events: ["push", "manual"], steps: ["apply-config"] },
    ],
  },
  {
    id: 2,
    owner: "platform",
    name: "docs-site",
    defaultBranch: "main",
    workflows: [{ name: "publish", events: ["push", "tag"], steps: ["build"] }],
  },
];

/** A Woodpecker API stand-in whose manual pipelines really push the image to the lab registry again. */
export const woodpeckerService: LabService = {
  name: "woodpecker",
  async start(ctx) {
    const port = ctx.ports.woodpecker;
    const url = `http://127.0.0.1:${port}`;
    const tokens = { write: ctx.secret("woodpecker-token"), read: ctx.secret("woodpecker-read-token") };
    const registry = {
      url: `http://127.0.0.1:${ctx.ports.registry}`,
      authorization: `Basic ${Buffer.from(`${REGISTRY_USER}:${ctx.secret("registry-password")}`).toString("base64")}`,
    };
    const runner = new Runner(REPOS, {
      forgeUrl: "http://forge.lab.test",
      pendingMs: 800,
      stepMs: 600,
      rebuild: (variables, signal) => rebuildImage(registry, variables, signal),
      log: ctx.log,
    });
    let server: http.Server | null = null;
    const listen = async () => {
      const s = createApi(runner, tokens, "http://forge.lab.test");
      await new Promise<void>((resolve, reject) => {
        s.once("error", reject);
        s.listen(port, "127.0.0.1", resolve);
      });
      server = s;
    };
    const close = async () => {
      const s = server;
      server = null;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    };
    await listen();
    return {
      env: { [WOODPECKER_TOKEN_ENV]: tokens.write },
      config: { ci: { woodpecker: { url, tokenEnv: WOODPECKER_TOKEN_ENV, timeout: "5s", watchFor: "2m" } } },
      patchConfig: (config) => labRebuildMap(config, "lab"),
      facts: {
        url,
        readToken: tokens.read,
        repos: Object.fromEntries(REPOS.map((r) => [`${r.owner}/${r.name}`, r.id])),
        pendingMs: 800,
      },
      info: [
        `  woodpecker: ${url} (token in ${WOODPECKER_TOKEN_ENV}); repos ${REPOS.map((r) => `${r.owner}/${r.name}=${r.id}`).join(", ")}`,
      ],
      faults: {
        "fail-next": {
          description: "the next pipeline fails in its build step (nothing is pushed)",
          inject: async () => void runner.queued.push("fail"),
          heal: async () => void runner.queued.splice(0),
        },
        "hang-next": {
          description: "the next pipeline stays running until it is canceled",
          inject: async () => void runner.queued.push("hang"),
          heal: async () => void runner.queued.splice(0),
        },
        stop: {
          description: "the CI API stops answering (connection refused)",
          inject: close,
          heal: async () => (server ? undefined : listen()),
        },
      },
      stop: async () => {
        runner.stopAll();
        await close();
      },
    };
  },
};
