import type { Metadata } from "next";
import Link from "next/link";
import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/server/auth/session";
import { overviewCards } from "@/server/services/overview/cards";
import { getDb } from "@/server/store/db";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const actor = await requirePageRole("viewer", "/");
  const cards = await overviewCards(await getDb());
  return (
    <>
      <PageHeader title="Overview" description={`Signed in as ${actor.name} (${actor.role}).`} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {cards.map((c) => (
          <Card key={c.area} data-testid={`overview-${c.area}`}>
            <div className="flex items-start justify-between gap-2">
              <h2 className="font-semibold">
                <Link href={c.href} className="hover:underline">
                  {c.title}
                </Link>
              </h2>
              {!c.configured ? (
                <Badge>not configured</Badge>
              ) : c.failing > 0 || c.couldNotRun > 0 ? (
                <span className="flex flex-wrap justify-end gap-1">
                  {c.failing > 0 ? <Badge tone="bad">{c.failing} failing</Badge> : null}
                  {c.couldNotRun > 0 ? <Badge tone="warn">{c.couldNotRun} could not check</Badge> : null}
                </span>
              ) : c.targetCount > 0 && c.checked === c.targetCount ? (
                <Badge tone="ok">ok</Badge>
              ) : c.targetCount > 0 ? (
                <Badge tone="info">{c.checked === 0 ? "no run yet" : `${c.checked} of ${c.targetCount} checked`}</Badge>
              ) : null}
            </div>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              {c.configured ? c.targets : "Add targets to this section of the config file to see it here."}
            </p>
            {c.lastRun ? (
              <p className="mt-1 text-xs text-slate-500">
                Last run <Age iso={c.lastRun.finishedAt} /> ({c.lastRun.target}: {c.lastRun.status})
              </p>
            ) : null}
          </Card>
        ))}
      </div>
    </>
  );
}
