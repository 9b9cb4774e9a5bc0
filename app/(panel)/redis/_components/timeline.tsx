import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import type { RoleEvent } from "@/lib/redis/snapshot";

const TONE = { failover: "bad", role: "warn", down: "bad", up: "ok", route: "info" } as const;

/** Role changes, failovers, processes down/up and HAProxy route changes, newest first. */
export function Timeline({ events }: { events: RoleEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">No role changes recorded yet.</p>;
  return (
    <ol className="grid gap-1 text-sm" aria-label="role changes">
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap items-center gap-2">
          <Age iso={e.at} />
          <Badge tone={TONE[e.kind]}>{e.kind}</Badge>
          <span className="font-medium">{e.subject}</span>
          <span className="text-slate-600 dark:text-slate-400">{e.detail}</span>
        </li>
      ))}
    </ol>
  );
}
