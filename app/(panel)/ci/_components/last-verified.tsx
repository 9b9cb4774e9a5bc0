"use client";

import Link from "next/link";
import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import type { Rebuild } from "@/lib/ci/dto";

export function LastVerified({ rebuilds }: { rebuilds: Rebuild[] }) {
  return (
    <ul className="grid gap-2 text-sm" aria-label="last verification per image">
      {rebuilds.map((r) => (
        <li key={r.id} data-testid="last-verified" className="flex flex-wrap items-center gap-2">
          <Badge tone={r.verification?.status === "intact" ? "ok" : r.verification?.status === "broken" ? "bad" : "warn"}>
            {r.verification?.status ?? "unknown"}
          </Badge>
          <Link
            className="font-mono underline"
            href={`/registry/tag?registry=${encodeURIComponent(r.registry)}&repo=${encodeURIComponent(r.repo)}&tag=${encodeURIComponent(r.tag)}`}
          >
            {r.registry}/{r.repo}:{r.tag}
          </Link>
          <span className="text-slate-500">
            after pipeline #{r.pipelineNumber}, <Age iso={r.finishedAt} />
          </span>
          {r.verification?.reason ? <span className="text-slate-600 dark:text-slate-400">— {r.verification.reason}</span> : null}
        </li>
      ))}
    </ul>
  );
}
