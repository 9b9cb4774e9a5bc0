type Obj = Record<string, unknown>;

const INFRA = { ciRepo: "platform/infra", branch: "master", alsoRuns: ["pve-nfs-exports-sync", "registry-config-sync"] };

/** image -> CI pipeline, for the lab registry's broken images (one by numeric id, one whose repo runs nothing on manual). */
export const LAB_REBUILD: Record<string, Obj> = {
  "infra-ci": { ...INFRA, variables: { REBUILD_IMAGE: "infra-ci" } },
  "cleanup-victim": { ...INFRA, variables: { REBUILD_IMAGE: "cleanup-victim" } },
  "missing-layer": { ...INFRA, variables: { REBUILD_IMAGE: "missing-layer" } },
  "hollow-layer": { ...INFRA, ciRepo: 1, variables: { REBUILD_IMAGE: "hollow-layer" } },
  "missing-config": { ciRepo: "platform/docs-site", branch: "main", variables: { REBUILD_IMAGE: "missing-config" }, alsoRuns: [] },
};

/** Adds the rebuild map to the registry entry named `registry` (arrays concatenate in the lab's merge, so this patches in place). */
export function labRebuildMap(config: Obj, registry: string): Obj {
  const list = Array.isArray(config.registries) ? (config.registries as Obj[]) : [];
  return {
    ...config,
    registries: list.map((r) =>
      r.name === registry ? { ...r, rebuild: { ...((r.rebuild as Obj | undefined) ?? {}), ...LAB_REBUILD } } : r,
    ),
  };
}
