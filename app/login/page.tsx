import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { whoIsCalling } from "@/server/auth/session";
import { SignInButton } from "./sign-in-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  OAuthCallback: "The sign-in did not complete (the identity provider refused it, or the login took too long). Try again.",
  OAuthSignin: "Could not reach the identity provider. Try again in a moment.",
  SessionRequired: "Your session has ended. Sign in again.",
  Default: "Sign-in failed. Try again.",
};

/** Only same-site paths are followed after login. */
const safePath = (p: string | undefined) => (p && p.startsWith("/") && !p.startsWith("//") ? p : "/");

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const viewer = await whoIsCalling();
  if (viewer.kind === "actor") redirect(safePath(callbackUrl));
  if (viewer.kind === "no-role") redirect("/denied");
  return (
    <main className="grid min-h-screen place-items-center p-4">
      <Card className="w-full max-w-sm">
        <h1 className="text-xl font-semibold">Switchboard</h1>
        <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">
          The platform team&apos;s control panel. Sign in with your Authentik account.
        </p>
        {error ? (
          <p role="alert" className="mb-3 rounded bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950/50 dark:text-red-200">
            {ERRORS[error] ?? ERRORS.Default}
          </p>
        ) : null}
        <SignInButton callbackUrl={safePath(callbackUrl)} />
      </Card>
    </main>
  );
}
