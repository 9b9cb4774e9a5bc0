"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/server/actions/result";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";

type Variant = "primary" | "secondary" | "danger";

/**
 * Runs a server action with progress and shows its outcome. With `confirm`, the person must type
 * the resource name first (for dangerous actions). Invalidates the given queries on success.
 */
export function ActionButton<T>({
  action,
  input,
  label,
  pendingLabel,
  variant = "primary",
  confirm,
  invalidate = [],
  onDone,
  renderResult,
}: {
  action: (input: unknown) => Promise<ActionResult<T>>;
  input: unknown;
  label: string;
  pendingLabel?: string;
  variant?: Variant;
  confirm?: { title?: string; resource: string; details?: ReactNode };
  invalidate?: QueryKey[];
  onDone?: (result: ActionResult<T>) => void;
  renderResult?: (data: T) => ReactNode;
}) {
  const qc = useQueryClient();
  const [pending, start] = useTransition();
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<ActionResult<T> | null>(null);

  const run = () => {
    setAsking(false);
    setResult(null);
    start(async () => {
      let r: ActionResult<T>;
      try {
        r = await action(input);
      } catch {
        r = { ok: false, code: "network", message: "The panel could not be reached. Check your connection and try again." };
      }
      setResult(r);
      if (r.ok) await Promise.all(invalidate.map((queryKey) => qc.invalidateQueries({ queryKey })));
      onDone?.(r);
    });
  };

  return (
    <div className="inline-grid gap-1">
      <Button variant={variant} disabled={pending} aria-busy={pending} onClick={() => (confirm ? setAsking(true) : run())}>
        {pending ? (
          <>
            <span className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />
            {pendingLabel ?? `${label}…`}
          </>
        ) : (
          label
        )}
      </Button>
      {result ? (
        <p
          role="status"
          className={result.ok ? "text-sm text-emerald-700 dark:text-emerald-300" : "text-sm text-red-700 dark:text-red-300"}
        >
          {result.ok ? (renderResult ? renderResult(result.data) : "Done.") : result.message}
          {!result.ok && result.fieldErrors
            ? ` ${Object.entries(result.fieldErrors)
                .map(([k, v]) => `${k}: ${v.join(", ")}`)
                .join("; ")}`
            : null}
        </p>
      ) : null}
      {confirm ? (
        <ConfirmDialog
          open={asking}
          title={confirm.title ?? label}
          resource={confirm.resource}
          details={confirm.details}
          confirmLabel={label}
          onConfirm={run}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </div>
  );
}
