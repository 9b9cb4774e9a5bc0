import type { ReactNode } from "react";
import { Header } from "@/components/shell/header";
import { requirePageRole } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function PanelLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageRole("viewer");
  return (
    <>
      <Header name={actor.name} role={actor.role} />
      <main className="mx-auto max-w-7xl px-3 py-4 sm:px-6 sm:py-6">{children}</main>
    </>
  );
}
