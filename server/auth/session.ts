import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { Forbidden, Unauthenticated } from "../errors";
import { getAuthOptions } from "./options";
import { hasRole, type Role } from "./roles";

export interface Actor {
  id: string;
  name: string;
  email: string | null;
  role: Role;
}

export type Viewer = { kind: "anonymous" } | { kind: "no-role"; name: string } | { kind: "actor"; actor: Actor };

/** Who is calling, from the next-auth JWT cookie (an expired or forged one counts as anonymous). */
export async function whoIsCalling(): Promise<Viewer> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.id) return { kind: "anonymous" };
  const { id, name, email, role } = session.user;
  if (!role) return { kind: "no-role", name: name ?? id };
  return { kind: "actor", actor: { id, name: name ?? id, email, role } };
}

export async function getActor(): Promise<Actor | null> {
  const v = await whoIsCalling();
  return v.kind === "actor" ? v.actor : null;
}

/** For route handlers and services: throws Unauthenticated / Forbidden. */
export async function requireRole(role: Role): Promise<Actor> {
  const v = await whoIsCalling();
  if (v.kind === "anonymous") throw new Unauthenticated();
  if (v.kind === "no-role") throw new Forbidden("Your account is not in any group that has access to Switchboard.");
  if (!hasRole(v.actor.role, role)) throw new Forbidden(`This needs the ${role} role; you are ${v.actor.role}.`);
  return v.actor;
}

/** For pages: sends the anonymous to the login page and the unmapped to the access-denied page. */
export async function requirePageRole(role: Role, returnTo = "/"): Promise<Actor> {
  const v = await whoIsCalling();
  if (v.kind === "anonymous") redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (v.kind === "no-role") redirect("/denied");
  if (!hasRole(v.actor.role, role)) redirect(`/denied?need=${role}`);
  return v.actor;
}
