import { queryOptions } from "@tanstack/react-query";
import type { AuditFilter, AuditPage } from "../audit/types";
import type { HeldLock } from "../locks/types";
import { fetchJson } from "../query-client";

export const auditKeys = {
  all: ["audit"] as const,
  list: (f: Partial<AuditFilter>) => [...auditKeys.all, "list", f] as const,
};

export function auditSearchParams(f: Partial<AuditFilter>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== "") p.set(k, String(v));
  return p;
}

export const auditListQuery = (f: Partial<AuditFilter>) =>
  queryOptions({
    queryKey: auditKeys.list(f),
    queryFn: ({ signal }) => fetchJson<AuditPage>(`/api/audit?${auditSearchParams(f)}`, signal),
    refetchInterval: 10_000,
  });

export const locksQuery = () =>
  queryOptions({
    queryKey: [...auditKeys.all, "locks"] as const,
    queryFn: ({ signal }) => fetchJson<{ locks: HeldLock[] }>("/api/locks", signal),
    refetchInterval: 5_000,
  });
