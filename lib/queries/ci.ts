import { queryOptions } from "@tanstack/react-query";
import type { ImageRef, RebuildList, RebuildPlan } from "../ci/dto";
import { fetchJson } from "../query-client";

export interface RebuildFilter {
  registry?: string;
  repo?: string;
  tag?: string;
  limit?: number;
}

export const ciKeys = {
  all: ["ci"] as const,
  rebuilds: (f: RebuildFilter) => [...ciKeys.all, "rebuilds", f] as const,
  plan: (i: ImageRef) => [...ciKeys.all, "plan", i] as const,
};

const params = (o: object) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== "") p.set(k, String(v));
  return p;
};

const anyWatching = (d: RebuildList | undefined) => d?.rebuilds.some((r) => r.outcome === "watching") ?? false;

/** Polls fast while a pipeline is running, slowly otherwise. */
export const rebuildsQuery = (f: RebuildFilter) =>
  queryOptions({
    queryKey: ciKeys.rebuilds(f),
    queryFn: ({ signal }) => fetchJson<RebuildList>(`/api/ci/rebuilds?${params(f)}`, signal),
    refetchInterval: (q) => (anyWatching(q.state.data) ? 1_500 : 15_000),
  });

export const rebuildPlanQuery = (i: ImageRef) =>
  queryOptions({
    queryKey: ciKeys.plan(i),
    queryFn: ({ signal }) => fetchJson<RebuildPlan>(`/api/ci/plan?${params(i)}`, signal),
    staleTime: 30_000,
  });

/** The CI page's list. */
export const CI_LIST: RebuildFilter = { limit: 100 };
