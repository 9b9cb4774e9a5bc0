"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Age } from "@/components/ui/age";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { StateView } from "@/components/ui/state-view";
import type { AuditFilter } from "@/lib/audit/types";
import { formatDuration, formatTime } from "@/lib/format";
import { auditListQuery, auditSearchParams } from "@/lib/queries/audit";

const RESULT_TONE: Record<string, Tone> = { ok: "ok", start: "info", error: "bad", denied: "bad", rejected: "warn", locked: "warn" };
const input = "rounded-md border border-slate-300 bg-transparent px-2 py-2 text-sm dark:border-slate-700";

export function AuditClient() {
  const [filter, setFilter] = useState<Partial<AuditFilter>>({ limit: 100 });
  const q = useQuery({ ...auditListQuery(filter), placeholderData: keepPreviousData });

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const val = (k: string) => (f.get(k) as string | null) || undefined;
    const toIso = (v: string | undefined) => (v ? new Date(v).toISOString() : undefined);
    setFilter({
      limit: 100,
      user: val("user"),
      action: val("action"),
      result: val("result") as AuditFilter["result"],
      from: toIso(val("from")),
      to: toIso(val("to")),
    });
  };

  return (
    <div className="grid gap-4">
      <Card>
        <form
          onSubmit={onSubmit}
          className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 lg:items-end"
          aria-label="Filter the audit log"
        >
          <label className="grid gap-1 text-sm">
            User
            <input name="user" className={input} placeholder="name or login" />
          </label>
          <label className="grid gap-1 text-sm">
            Action
            <select name="action" className={input} defaultValue="">
              <option value="">any</option>
              {(q.data?.actions ?? []).map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            Result
            <select name="result" className={input} defaultValue="">
              <option value="">any</option>
              {Object.keys(RESULT_TONE).map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            From
            <input name="from" type="datetime-local" className={input} />
          </label>
          <label className="grid gap-1 text-sm">
            To
            <input name="to" type="datetime-local" className={input} />
          </label>
          <div className="flex gap-2">
            <Button type="submit">Filter</Button>
            <a
              className="inline-flex min-h-10 items-center rounded-md px-3 text-sm underline"
              href={`/api/audit/export?${auditSearchParams({ ...filter, limit: undefined })}`}
            >
              CSV
            </a>
          </div>
        </form>
      </Card>
      <Card className="overflow-x-auto p-0">
        {q.isPending ? (
          <StateView state={{ kind: "loading" }} />
        ) : q.isError ? (
          <StateView state={{ kind: "error", message: q.error.message, retry: () => void q.refetch() }} />
        ) : q.data.entries.length === 0 ? (
          <StateView
            className="m-4"
            state={{ kind: "empty", title: "No audit entries match", hint: "Actions taken in the panel appear here." }}
          />
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit entries, newest first</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase dark:border-slate-800">
              <tr>
                <th className="p-2">When</th>
                <th className="p-2">Who</th>
                <th className="p-2">Action</th>
                <th className="p-2">Resource</th>
                <th className="p-2">Result</th>
                <th className="p-2">Duration</th>
                <th className="p-2">Parameters</th>
              </tr>
            </thead>
            <tbody>
              {q.data.entries.map((e) => (
                <tr key={e.id} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800" data-testid="audit-row">
                  <td className="p-2 whitespace-nowrap" title={formatTime(e.ts)}>
                    <Age iso={e.ts} />
                  </td>
                  <td className="p-2">
                    {e.actorName} <span className="text-xs text-slate-500">({e.role})</span>
                  </td>
                  <td className="p-2 font-mono text-xs">{e.action}</td>
                  <td className="p-2 font-mono text-xs break-all">{e.resource}</td>
                  <td className="p-2">
                    <Badge tone={RESULT_TONE[e.result] ?? "muted"}>{e.result}</Badge>
                    {e.errorCode ? <span className="ml-1 text-xs text-slate-500">{e.errorCode}</span> : null}
                  </td>
                  <td className="p-2 whitespace-nowrap">{formatDuration(e.durationMs)}</td>
                  <td className="max-w-xs p-2 font-mono text-xs break-all text-slate-600 dark:text-slate-400">{e.params}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {q.data?.nextBefore ? (
        <Button variant="secondary" onClick={() => setFilter((f) => ({ ...f, before: q.data?.nextBefore ?? undefined }))}>
          Older entries
        </Button>
      ) : null}
    </div>
  );
}
