"use client";

import { StateView } from "@/components/ui/state-view";

/** A page that failed on the server: the details are in the server log, never here. */
export default function PanelError({ reset, error }: { reset: () => void; error: Error & { digest?: string } }) {
  return (
    <StateView
      state={{
        kind: "error",
        title: "This page could not be shown",
        message: `The server ran into a problem${error.digest ? ` (reference ${error.digest})` : ""}. The other pages still work.`,
        retry: reset,
      }}
    />
  );
}
