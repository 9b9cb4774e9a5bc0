"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { StateView } from "@/components/ui/state-view";
import { redisTopologyQuery } from "@/lib/queries/redis";
import type { ClusterSnapshot } from "@/lib/redis/snapshot";
import { FindingsList } from "./_components/findings-list";
import { KeyspaceTable } from "./_components/keyspace-table";
import { NodeDrawer } from "./_components/node-drawer";
import { Timeline } from "./_components/timeline";
import { TopologyGraph } from "./_components/topology-graph";
import { TopologySummary } from "./_components/topology-summary";

function worst(c: ClusterSnapshot) {
  if (c.findings.some((f) => f.severity === "critical")) return <Badge tone="bad">critical</Badge>;
  if (c.findings.length) return <Badge tone="warn">warning</Badge>;
  return <Badge tone="ok">healthy</Badge>;
}

export function RedisClientView() {
  const q = useQuery(redisTopologyQuery());
  const [selected, setSelected] = useState<string | null>(null);
  if (q.isPending) return <StateView state={{ kind: "loading", label: "Asking every node and sentinel…" }} />;
  if (q.isError) return <StateView state={{ kind: "error", message: q.error.message, retry: () => void q.refetch() }} />;
  const { snapshot, events } = q.data;
  if (snapshot.clusters.length === 0)
    return (
      <StateView
        state={{ kind: "empty", title: "No Redis clusters are configured", hint: "Add them under redis.clusters in the config file." }}
      />
    );
  const node = selected ? snapshot.clusters.flatMap((c) => c.nodes).find((n) => n.id === selected) : undefined;
  return (
    <div className="grid gap-6">
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="data-age">
        Snapshot <Age iso={snapshot.takenAt} /> · took {snapshot.durationMs} ms (deadline {snapshot.deadlineMs} ms)
        {q.isRefetchError ? <span className="ml-2 text-red-700 dark:text-red-300">· refresh failed, showing the last snapshot</span> : null}
      </p>
      {snapshot.clusters.map((c) => (
        <Card key={c.name} aria-label={`cluster ${c.name}`} data-testid={`cluster-${c.name}`}>
          <CardTitle right={worst(c)}>
            Cluster {c.name} <span className="font-normal text-slate-500">({c.masterName})</span>
          </CardTitle>
          <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
            <div className="grid content-start gap-2">
              <TopologySummary cluster={c} />
              <TopologyGraph cluster={c} onSelect={setSelected} />
            </div>
            <div className="grid content-start gap-4">
              <FindingsList findings={c.findings} />
              <KeyspaceTable cluster={c} />
            </div>
          </div>
        </Card>
      ))}
      <Card aria-label="timeline">
        <CardTitle>Role changes and failovers</CardTitle>
        <Timeline events={events} />
      </Card>
      {node ? <NodeDrawer node={node} onClose={() => setSelected(null)} /> : null}
    </div>
  );
}
