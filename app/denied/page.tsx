import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Card } from "@/components/ui/card";
import { whoIsCalling } from "@/server/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Access denied" };

export default async function DeniedPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const viewer = await whoIsCalling();
  if (viewer.kind === "anonymous") redirect("/login");
  const { need } = await searchParams;
  const name = viewer.kind === "actor" ? viewer.actor.name : viewer.name;
  return (
    <main className="grid min-h-screen place-items-center p-4">
      <Card className="w-full max-w-md">
        <h1 className="text-xl font-semibold">Access denied</h1>
        {viewer.kind === "no-role" ? (
          <p className="mt-2 text-sm">
            You are signed in as <strong>{name}</strong>, but your account is not in any group that has access to Switchboard. Ask the
            platform team to add you to the right Authentik group.
          </p>
        ) : (
          <p className="mt-2 text-sm">
            This page needs the <strong>{need ?? "a higher"}</strong> role; you are{" "}
            <strong>{viewer.kind === "actor" ? viewer.actor.role : "unknown"}</strong>.
          </p>
        )}
        <div className="mt-4 flex gap-2">
          {viewer.kind === "actor" ? (
            <Link className="rounded-md px-3 py-2 text-sm underline" href="/">
              Back to the overview
            </Link>
          ) : null}
          <SignOutButton />
        </div>
      </Card>
    </main>
  );
}
