import { queryOptions } from "@tanstack/react-query";
import type { ChromeOverview } from "../chrome/dto";
import { fetchJson } from "../query-client";

export const chromeKeys = {
  all: ["chrome"] as const,
  overview: () => [...chromeKeys.all, "overview"] as const,
};

export const chromeOverviewQuery = () =>
  queryOptions({
    queryKey: chromeKeys.overview(),
    queryFn: ({ signal }) => fetchJson<ChromeOverview>("/api/chrome", signal),
    refetchInterval: 5_000,
  });

export const screenshotUrl = (runId: string, size: "full" | "thumb" = "full") =>
  `/api/chrome/screenshots/${runId}${size === "thumb" ? "?size=thumb" : ""}`;
