"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "./button";

/**
 * Typed confirmation for dangerous actions: the person types the resource's name before the
 * button unlocks. The details (exact request, warnings) are shown above the field.
 */
export function ConfirmDialog({
  open,
  title,
  resource,
  details,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  resource: string;
  details?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState("");
  const inputId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setTyped("");
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open]);
  const matches = typed.trim() === resource;
  return (
    <dialog
      ref={ref}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(40rem,94vw)] rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/50 dark:bg-slate-900 dark:text-slate-100"
    >
      <form
        method="dialog"
        className="grid gap-3 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) onConfirm();
        }}
      >
        <h2 className="text-lg font-semibold">{title}</h2>
        {details ? <div className="max-h-[50vh] overflow-auto text-sm">{details}</div> : null}
        <label htmlFor={inputId} className="text-sm">
          Type <code className="rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">{resource}</code> to confirm
        </label>
        <input
          id={inputId}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          autoFocus
          className="rounded-md border border-slate-300 bg-transparent px-3 py-2 font-mono dark:border-slate-700"
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!matches}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
