import { z } from "zod";
import { duration } from "../duration";

export const Role = z.enum(["viewer", "operator", "admin"]);
export type Role = z.infer<typeof Role>;

export const AuthSection = z
  .object({
    issuer: z
      .url({ protocol: /^https?$/ })
      .refine((u) => !u.endsWith("/"), "the issuer must not end with a slash (next-auth appends /.well-known/…)"),
    clientId: z.string().min(1),
    clientSecretEnv: z.string().min(1),
    /** OIDC group -> role. A user gets the highest role any of their groups maps to. */
    roles: z
      .object({
        admin: z.array(z.string()).default(["Home Server Admins", "authentik Admins"]),
        operator: z.array(z.string()).default([]),
        viewer: z.array(z.string()).default([]),
      })
      .strict()
      .prefault({}),
    sessionMaxAge: duration("8h"),
    /** The public origin when behind a reverse proxy (used for the cross-origin check). */
    publicOrigin: z.url().optional(),
  })
  .strict();
export type AuthSection = z.infer<typeof AuthSection>;
