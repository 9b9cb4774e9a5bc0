import { queryOptions } from "@tanstack/react-query";
import type { RegistryOverview, TagDetail, TagPage } from "../registry/dto";
import { fetchJson } from "../query-client";

export const registryKeys = {
  all: ["registry"] as const,
  overview: () => [...registryKeys.all, "overview"] as const,
  tags: (registry: string, q: string, offset: number) => [...registryKeys.all, "tags", registry, q, offset] as const,
  tag: (registry: string, repo: string, tag: string) => [...registryKeys.all, "tag", registry, repo, tag] as const,
};

export const registryOverviewQuery = () =>
  queryOptions({
    queryKey: registryKeys.overview(),
    queryFn: ({ signal }) => fetchJson<RegistryOverview[]>("/api/registry", signal),
    refetchInterval: 5_000,
  });

export const registryTagsQuery = (registry: string, q: string, offset: number) =>
  queryOptions({
    queryKey: registryKeys.tags(registry, q, offset),
    queryFn: ({ signal }) =>
      fetchJson<TagPage>(`/api/registry/${encodeURIComponent(registry)}/tags?q=${encodeURIComponent(q)}&offset=${offset}`, signal),
  });

export const registryTagQuery = (registry: string, repo: string, tag: string) =>
  queryOptions({
    queryKey: registryKeys.tag(registry, repo, tag),
    queryFn: ({ signal }) =>
      fetchJson<TagDetail>(
        `/api/registry/${encodeURIComponent(registry)}/tag?repo=${encodeURIComponent(repo)}&tag=${encodeURIComponent(tag)}`,
        signal,
      ),
    refetchInterval: 10_000,
  });
