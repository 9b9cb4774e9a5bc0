import type { Fault } from "../../lib/context";
import type { FlakyProxy } from "./flaky-proxy";
import { churnTags, DEFAULT_CHURN, deleteRepoOnDisk, restoreRepo, undoChurn, type Churn } from "./mid-walk";
import type { PushTarget } from "./push-image";

/** Faults of the registry seen through the flaky proxy (config entry "lab-flaky"). */
export function flakyFaults(proxy: FlakyProxy, root: string, main: PushTarget): Record<string, Fault> {
  let deleted: string | null = null;
  let churn: Churn | null = null;
  return {
    "flaky-slow": {
      description: "the registry behind lab-flaky answers after {ms} (default 3000) ms; heal makes it fast again",
      inject: async (body) => {
        proxy.set({ delayMs: typeof body.ms === "number" ? body.ms : 3000 });
        return proxy.stats();
      },
      heal: async () => proxy.set({ delayMs: 0 }),
    },
    "flaky-500": {
      description: 'the registry behind lab-flaky answers 500 to everything, or ({only: "manifests"}) to manifest requests only',
      inject: async (body) => {
        proxy.set({ error500: body.only === "manifests" ? "manifests" : "all" });
        return proxy.stats();
      },
      heal: async () => proxy.set({ error500: "off" }),
    },
    "delete-repo-mid-walk": {
      description:
        "the next catalog read through lab-flaky deletes {repo} (default svc-147) on disk before it is answered; heal pushes the repo again",
      inject: async (body) => {
        const repo = typeof body.repo === "string" ? body.repo : "svc-147";
        deleted = repo;
        proxy.set({ onCatalog: async () => deleteRepoOnDisk(root, repo) });
        return { armed: repo };
      },
      heal: async () => {
        proxy.set({ onCatalog: null });
        if (deleted) await restoreRepo(main, deleted);
        deleted = null;
      },
    },
    "tag-churn-mid-walk": {
      description: `after the first tag page of ${DEFAULT_CHURN.repo} through lab-flaky: ${DEFAULT_CHURN.removed} is removed on disk and ${DEFAULT_CHURN.added} pushed; heal undoes it`,
      inject: async () => {
        churn = DEFAULT_CHURN;
        proxy.set({ onFirstTagPage: { repo: DEFAULT_CHURN.repo, run: () => churnTags(root, main, DEFAULT_CHURN) } });
        return { armed: DEFAULT_CHURN };
      },
      heal: async () => {
        proxy.set({ onFirstTagPage: null });
        if (churn) await undoChurn(root, main, churn);
        churn = null;
      },
    },
  };
}
