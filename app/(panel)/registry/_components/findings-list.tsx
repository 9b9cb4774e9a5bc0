"use client";

import Link from "next/link";
import { ActionButton } from "@/components/actions/action-button";
import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { RegistryOverview } from "@/lib/registry/dto";
import { BROKEN_KINDS, type Finding } from "@/lib/registry/finding";
import { RUNBOOKS } from "@/lib/registry/runbooks";
import { registryKeys } from "@/lib/queries/registry";
import { verifyRegistryImageAction } from "@/server/actions/registry";
import { RebuildButton } from "@/components/ci/rebuild-button";

function groupByImage(findings: Finding[]) {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.tags.length ? `${f.repo}:${f.tags[0]}` : f.repo || "(registry)";
    out.set(key, [...(out.get(key) ?? []), f]);
  }
  return [...out];
}

export function FindingsList({ data, canRun }: { data: RegistryOverview; canRun: boolean }) {
  const groups = groupByImage(data.findings.filter((f) => f.kind !== "gc-unsafe"));
  return (
    <Card>
      <CardTitle>Broken images and findings</CardTitle>
      {groups.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">
          {data.lastWalk ? "No open findings: every tag and blob answered as it should." : "No walk has finished yet."}
        </p>
      ) : (
        <ul className="mt-2 grid gap-3" aria-label="findings">
          {groups.map(([image, fs]) => {
            const broken = fs.some((f) => (BROKEN_KINDS as readonly string[]).includes(f.kind));
            const [repo, tag] = image.split(":");
            return (
              <li key={image} data-testid="finding-image" className="rounded border border-slate-200 p-3 dark:border-slate-700">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={broken ? "bad" : "warn"}>{fs[0]!.kind}</Badge>
                  {tag ? (
                    <Link
                      className="font-mono font-medium underline"
                      href={`/registry/tag?registry=${encodeURIComponent(data.name)}&repo=${encodeURIComponent(repo!)}&tag=${encodeURIComponent(tag)}`}
                    >
                      {image}
                    </Link>
                  ) : (
                    <span className="font-mono">{image}</span>
                  )}
                  <span className="text-xs text-slate-500">
                    first seen <Age iso={fs[0]!.firstSeen} />, last seen <Age iso={fs[0]!.lastSeen} />
                  </span>
                </div>
                <ul className="mt-2 grid gap-1 text-sm">
                  {fs.map((f) => (
                    <li key={f.id} className="font-mono text-xs break-all sm:text-sm">
                      {f.diagnosis}
                    </li>
                  ))}
                </ul>
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-slate-600 dark:text-slate-300">Runbook</summary>
                  <p className="mt-1">{RUNBOOKS[fs[0]!.kind]}</p>
                </details>
                {canRun && tag && broken ? (
                  <div className="mt-2">
                    <ActionButton
                      action={verifyRegistryImageAction}
                      input={{ registry: data.name, repo, tag }}
                      label="Verify this image"
                      pendingLabel="Verifying (deep)…"
                      variant="secondary"
                      invalidate={[registryKeys.all]}
                    />
                  </div>
                ) : null}
                {tag && broken ? (
                  <div className="mt-2">
                    <RebuildButton registry={data.name} repo={repo!} tag={tag} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {data.changed.length ? (
        <div className="mt-3 text-sm">
          <p className="font-medium">Changed while the last walk ran (not failures):</p>
          <ul className="mt-1 list-disc pl-5 text-slate-600 dark:text-slate-300" aria-label="changed during the walk">
            {data.changed.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {data.notCached.length ? (
        <p className="mt-3 text-sm text-slate-500">
          Not cached on this mirror (normal, not a failure):{" "}
          {data.notCached.map((n) => `${n.repo}:${n.tag} ${n.digest?.slice(0, 19) ?? ""}…`).join(", ")}
        </p>
      ) : null}
    </Card>
  );
}
