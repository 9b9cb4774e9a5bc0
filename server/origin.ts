import "server-only";
import { getConfig, getRuntimeEnv } from "./config";

/** The origins a state-changing request may come from: the panel's own URL and the public one. */
export function allowedOrigins(): Set<string> {
  const out = new Set<string>();
  const own = getRuntimeEnv().NEXTAUTH_URL;
  if (own) out.add(new URL(own).origin);
  const pub = getConfig().auth.publicOrigin;
  if (pub) out.add(new URL(pub).origin);
  return out;
}

/** Refuses a cross-site request: a foreign Origin, or a browser that says the request is cross-site. */
export function isCrossOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin && !allowedOrigins().has(origin)) return true;
  return headers.get("sec-fetch-site") === "cross-site";
}
