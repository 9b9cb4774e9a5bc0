"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { StateView } from "@/components/ui/state-view";
import { registryTagsQuery } from "@/lib/queries/registry";

const TONE: Record<string, Tone> = { intact: "ok", broken: "bad", "not-cached": "info", "could-not-check": "warn" };

export function TagTable({ registry }: { registry: string }) {
  const [q, setQ] = useState("");
  const [offset, setOffset] = useState(0);
  const res = useQuery({ ...registryTagsQuery(registry, q, offset), placeholderData: keepPreviousData });
  return (
    <Card>
      <CardTitle>Repositories and tags</CardTitle>
      <input
        type="search"
        aria-label={`search ${registry} repositories and tags`}
        placeholder="Search repo or tag"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOffset(0);
        }}
        className="mt-2 w-full rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700"
      />
      {res.isPending ? (
        <StateView state={{ kind: "loading" }} />
      ) : res.isError ? (
        <StateView state={{ kind: "error", message: res.error.message }} />
      ) : res.data.rows.length === 0 ? (
        <StateView className="mt-2" state={{ kind: "empty", title: q ? "Nothing matches" : "No tags walked yet" }} />
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1">Image</th>
                <th>Status</th>
                <th className="hidden sm:table-cell">Digest</th>
              </tr>
            </thead>
            <tbody>
              {res.data.rows.map((r) => (
                <tr key={`${r.repo}:${r.tag}`} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-1 font-mono">
                    <Link
                      className="underline"
                      href={`/registry/tag?registry=${encodeURIComponent(registry)}&repo=${encodeURIComponent(r.repo)}&tag=${encodeURIComponent(r.tag)}`}
                    >
                      {r.repo}:{r.tag}
                    </Link>
                  </td>
                  <td>
                    <Badge tone={TONE[r.status] ?? "muted"}>{r.status}</Badge>
                  </td>
                  <td className="hidden font-mono text-xs sm:table-cell">{r.digest?.slice(0, 19)}…</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-2 flex items-center gap-3 text-sm">
            <span>
              {offset + 1}–{offset + res.data.rows.length} of {res.data.total}
            </span>
            <button
              type="button"
              className="underline disabled:opacity-40"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - 50))}
            >
              Previous
            </button>
            <button
              type="button"
              className="underline disabled:opacity-40"
              disabled={offset + 50 >= res.data.total}
              onClick={() => setOffset(offset + 50)}
            >
              Next
            </button>
          </div>
        </div>
      )}
    </Card>
  );
}
