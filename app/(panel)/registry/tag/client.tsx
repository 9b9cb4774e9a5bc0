"use client";

import { useQuery } from "@tanstack/react-query";
import { ActionButton } from "@/components/actions/action-button";
import { Age } from "@/components/ui/age";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { StateView } from "@/components/ui/state-view";
import type { TreeNode } from "@/lib/registry/finding";
import { RUNBOOKS } from "@/lib/registry/runbooks";
import { registryKeys, registryTagQuery } from "@/lib/queries/registry";
import { verifyRegistryImageAction } from "@/server/actions/registry";

const TONE: Record<TreeNode["status"], Tone> = {
  ok: "ok",
  broken: "bad",
  "not-cached": "info",
  skipped: "muted",
  error: "warn",
  unchecked: "muted",
};

function Node({ n }: { n: TreeNode }) {
  return (
    <li className="mt-1">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={TONE[n.status]}>{n.status}</Badge>
        <span className="font-medium">{n.label}</span>
        {n.platform ? <span className="text-slate-500">{n.platform}</span> : null}
        <span className="font-mono text-xs break-all text-slate-500">{n.digest?.slice(0, 19)}…</span>
        <span className="text-xs text-slate-500">{n.mediaType?.replace("application/vnd.", "")}</span>
        {n.size !== null ? <span className="text-xs text-slate-500">{n.size} B</span> : null}
        {n.httpStatus && n.status !== "ok" ? (
          <span className="text-xs">
            HTTP {n.httpStatus} {n.code}
          </span>
        ) : null}
      </div>
      {n.children.length ? (
        <ul className="ml-4 border-l border-slate-200 pl-3 dark:border-slate-700">
          {n.children.map((c, i) => (
            <Node key={`${c.digest}-${i}`} n={c} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function TagClient({ registry, repo, tag, canRun }: { registry: string; repo: string; tag: string; canRun: boolean }) {
  const q = useQuery(registryTagQuery(registry, repo, tag));
  if (q.isPending) return <StateView state={{ kind: "loading" }} />;
  if (q.isError) return <StateView state={{ kind: "error", message: q.error.message, retry: () => void q.refetch() }} />;
  const d = q.data;
  return (
    <div className="grid gap-4">
      <Card>
        <CardTitle
          right={
            d.row ? (
              <Badge tone={d.row.status === "intact" ? "ok" : d.row.status === "broken" ? "bad" : "warn"}>{d.row.status}</Badge>
            ) : null
          }
        >
          Manifest tree
        </CardTitle>
        {d.row ? (
          <p className="text-xs text-slate-500">
            Checked <Age iso={d.row.checkedAt} />
          </p>
        ) : null}
        {d.tree ? (
          <ul aria-label="manifest tree">{<Node n={d.tree} />}</ul>
        ) : (
          <StateView className="mt-2" state={{ kind: "empty", title: "This tag has not been walked yet" }} />
        )}
        {canRun ? (
          <div className="mt-3">
            <ActionButton
              action={verifyRegistryImageAction}
              input={{ registry, repo, tag }}
              label="Verify this image"
              pendingLabel="Verifying (deep)…"
              variant="secondary"
              invalidate={[registryKeys.all]}
            />
          </div>
        ) : null}
      </Card>
      {d.findings.length ? (
        <Card>
          <CardTitle>Findings</CardTitle>
          <ul className="mt-2 grid gap-2 text-sm">
            {d.findings.map((f) => (
              <li key={f.id}>
                <p className="font-mono break-all">{f.diagnosis}</p>
                <p className="mt-1 text-slate-600 dark:text-slate-300">{RUNBOOKS[f.kind]}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
