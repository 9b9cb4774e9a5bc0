"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      className="w-full"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signIn("authentik", { callbackUrl });
      }}
    >
      {busy ? "Redirecting to Authentik…" : "Sign in with Authentik"}
    </Button>
  );
}
