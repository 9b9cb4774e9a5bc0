import "server-only";
import type { NextAuthOptions } from "next-auth";
import AuthentikProvider from "next-auth/providers/authentik";
import { getConfig, getRuntimeEnv, getSecret } from "../config";
import { logger } from "../logger";
import { roleForGroups } from "./roles";

interface OidcProfile {
  sub: string;
  name?: string;
  preferred_username?: string;
  email?: string;
  groups?: unknown;
}

const asGroups = (v: unknown): string[] => (Array.isArray(v) ? v.filter((g): g is string => typeof g === "string") : []);

let cached: NextAuthOptions | undefined;

/** next-auth options, built from the config once (the config is immutable for the process). */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const { auth } = getConfig();
  const maxAge = Math.round(auth.sessionMaxAge / 1000);
  cached = {
    secret: getRuntimeEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      AuthentikProvider({
        clientId: auth.clientId,
        clientSecret: getSecret(auth.clientSecretEnv),
        issuer: auth.issuer,
        authorization: { params: { scope: "openid email profile groups" } },
        profile: (p: OidcProfile) => ({ id: p.sub, name: p.name ?? p.preferred_username ?? p.sub, email: p.email ?? null }),
      }),
    ],
    callbacks: {
      async jwt({ token, profile }) {
        if (profile) {
          const p = profile as OidcProfile;
          token.sub = p.sub;
          token.name = p.name ?? p.preferred_username ?? p.sub;
          token.username = p.preferred_username ?? p.sub;
          token.groups = asGroups(p.groups);
        }
        return token;
      },
      async session({ session, token }) {
        const groups = asGroups(token.groups);
        session.user = {
          id: String(token.username ?? token.sub ?? ""),
          name: token.name ?? null,
          email: token.email ?? null,
          groups,
          role: roleForGroups(groups, getConfig().auth.roles),
        };
        return session;
      },
    },
    logger: {
      error: (code, metadata) =>
        logger.warn({ op: "auth", code, detail: metadata instanceof Error ? metadata.message : undefined }, "auth error"),
      warn: (code) => logger.warn({ op: "auth", code }, "auth warning"),
      debug: () => undefined,
    },
    events: {
      signIn: ({ user }) => logger.info({ op: "auth.signIn", user: user.id }, "signed in"),
    },
  };
  return cached;
}
