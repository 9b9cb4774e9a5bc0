"use client";

import { useQuery } from "@tanstack/react-query";
import { ActionButton } from "@/components/actions/action-button";
import { Age } from "@/components/ui/age";
import { Card, CardTitle } from "@/components/ui/card";
import { StateView } from "@/components/ui/state-view";
import { auditKeys, locksQuery } from "@/lib/queries/audit";
import { releaseLockAction } from "@/server/actions/system";

/** Resources locked by running actions; an admin can free one whose holder died. */
export function HeldLocks({ canRelease }: { canRelease: boolean }) {
  const q = useQuery(locksQuery());
  return (
    <Card>
      <CardTitle>Held locks</CardTitle>
      {q.isPending ? (
        <StateView state={{ kind: "loading" }} />
      ) : q.isError ? (
        <StateView state={{ kind: "error", message: q.error.message, retry: () => void q.refetch() }} />
      ) : q.data.locks.length === 0 ? (
        <p className="text-sm text-slate-500">No resource is locked right now.</p>
      ) : (
        <ul className="grid gap-2">
          {q.data.locks.map((l) => (
            <li key={l.key} className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid="held-lock">
              <span>
                <code className="font-mono">{l.key}</code> — {l.holderName}, <Age iso={l.since} prefix="since" />
              </span>
              {canRelease ? (
                <ActionButton
                  action={releaseLockAction}
                  input={{ key: l.key }}
                  label="Release"
                  variant="danger"
                  invalidate={[auditKeys.all]}
                  confirm={{
                    title: "Release this lock?",
                    resource: l.key,
                    details: (
                      <p>
                        Only do this when the action holding it is known to be dead (its process restarted). A running action that loses its
                        lock stops at its next step.
                      </p>
                    ),
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
