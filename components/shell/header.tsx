import Link from "next/link";
import { Badge } from "../ui/badge";
import { Nav } from "./nav";
import { SignOutButton } from "./sign-out-button";

export function Header({ name, role }: { name: string; role: string }) {
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2 sm:px-6">
        <Link href="/" className="font-semibold tracking-tight">
          Switchboard
        </Link>
        <div className="order-3 w-full sm:order-none sm:w-auto sm:flex-1">
          <Nav />
        </div>
        <div className="ml-auto flex items-center gap-2 text-sm">
          <span data-testid="current-user">{name}</span>
          <Badge tone={role === "admin" ? "bad" : role === "operator" ? "warn" : "info"}>
            <span data-testid="current-role">{role}</span>
          </Badge>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
