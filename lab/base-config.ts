import type { LabContext } from "./lib/context";
import path from "node:path";

/** The part of the panel's config that does not belong to any one lab service. */
export function baseConfig(ctx: LabContext): Record<string, unknown> {
  return {
    auth: {
      issuer: `http://127.0.0.1:${ctx.ports.oidc}/application/o/switchboard`,
      clientId: "switchboard",
      clientSecretEnv: "AUTHENTIK_CLIENT_SECRET",
      roles: {
        admin: ["Home Server Admins", "authentik Admins"],
        operator: ["Platform On-call"],
        viewer: ["Allow Login Users"],
      },
    },
    store: { sqlite: path.join(ctx.stateDir, "switchboard.db") },
    metrics: { tokenEnv: "SWITCHBOARD_METRICS_TOKEN" },
  };
}
