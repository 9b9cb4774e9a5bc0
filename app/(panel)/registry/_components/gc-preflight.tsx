"use client";

import { useState } from "react";
import { ActionButton } from "@/components/actions/action-button";
import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { GcCheckResult, RegistryOverview } from "@/lib/registry/dto";
import { RUNBOOKS } from "@/lib/registry/runbooks";
import { registryKeys } from "@/lib/queries/registry";
import { checkRegistryGcAction } from "@/server/actions/registry";

const done = (r: GcCheckResult) =>
  r.unsafe
    ? `${r.unsafe} manifests of live images would be deleted: do not run GC.`
    : `Safe: none of the ${r.eligible} eligible manifests belongs to a live tagged image.`;

/** GC pre-flight: paste `garbage-collect --dry-run --delete-untagged` output (or read the configured file). */
export function GcPreflight({ data, canRun }: { data: RegistryOverview; canRun: boolean }) {
  const [text, setText] = useState("");
  const unsafe = data.findings.filter((f) => f.kind === "gc-unsafe");
  const gc = data.gc;
  return (
    <Card aria-label={`GC pre-flight ${data.name}`}>
      <CardTitle
        right={gc ? <Badge tone={gc.unsafe ? "bad" : "ok"}>{gc.unsafe ? "do not run GC" : "GC safe"}</Badge> : <Badge>not checked</Badge>}
      >
        GC pre-flight
      </CardTitle>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {gc ? (
          <>
            Last check <Age iso={gc.checkedAt} /> ({gc.source === "file" ? "configured file" : "pasted output"}): {gc.eligible} manifests
            eligible, {gc.unsafe} of them below a live tagged index ({gc.liveIndexes} indexes from the last walk).
          </>
        ) : (
          "Paste the output of registry garbage-collect --dry-run --delete-untagged to see which live images it would break."
        )}
      </p>
      {unsafe.length ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer font-medium text-red-700 dark:text-red-300">
            {unsafe.length} manifests GC would delete from live images
          </summary>
          <p className="mt-1 text-slate-600 dark:text-slate-300">{RUNBOOKS["gc-unsafe"]}</p>
          <ul className="mt-1 grid max-h-64 gap-1 overflow-y-auto font-mono text-xs break-all" aria-label="GC-unsafe manifests">
            {unsafe.map((f) => (
              <li key={f.id}>{f.diagnosis}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {canRun ? (
        <div className="mt-3 grid gap-2">
          <label className="text-sm font-medium" htmlFor={`gc-text-${data.name}`}>
            Dry-run output
          </label>
          <textarea
            id={`gc-text-${data.name}`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={4}
            spellCheck={false}
            placeholder={"infra-ci\ninfra-ci: marking manifest sha256:…\nmanifest eligible for deletion: sha256:…"}
            className="w-full rounded border border-slate-300 bg-transparent p-2 font-mono text-xs dark:border-slate-700"
          />
          <div className="flex flex-wrap gap-2">
            <ActionButton
              action={checkRegistryGcAction}
              input={{ registry: data.name, text }}
              label="Check pasted output"
              pendingLabel="Checking…"
              variant="secondary"
              invalidate={[registryKeys.all]}
              renderResult={done}
            />
            {data.gcFileConfigured ? (
              <ActionButton
                action={checkRegistryGcAction}
                input={{ registry: data.name }}
                label="Check the configured file"
                pendingLabel="Checking…"
                variant="secondary"
                invalidate={[registryKeys.all]}
                renderResult={done}
              />
            ) : null}
          </div>
        </div>
      ) : null}
    </Card>
  );
}
