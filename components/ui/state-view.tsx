import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

type State =
  | { kind: "loading"; label?: string }
  | { kind: "empty"; title: string; hint?: ReactNode }
  | { kind: "error"; title?: string; message: string; retry?: () => void };

/** The loading, empty and error states every page and widget needs. */
export function StateView({ state, className }: { state: State; className?: string }) {
  if (state.kind === "loading") {
    return (
      <div role="status" className={cn("flex items-center gap-2 p-4 text-sm text-slate-500", className)}>
        <span className="size-3 animate-pulse rounded-full bg-slate-400" aria-hidden />
        {state.label ?? "Loading…"}
      </div>
    );
  }
  if (state.kind === "empty") {
    return (
      <div className={cn("rounded-md border border-dashed border-slate-300 p-6 text-center dark:border-slate-700", className)}>
        <p className="font-medium">{state.title}</p>
        {state.hint ? <p className="mt-1 text-sm text-slate-500">{state.hint}</p> : null}
      </div>
    );
  }
  return (
    <div role="alert" className={cn("rounded-md bg-red-50 p-4 text-sm text-red-900 dark:bg-red-950/50 dark:text-red-200", className)}>
      <p className="font-medium">{state.title ?? "Could not load this"}</p>
      <p className="mt-1">{state.message}</p>
      {state.retry ? (
        <button type="button" onClick={state.retry} className="mt-2 underline">
          Try again
        </button>
      ) : null}
    </div>
  );
}
