import http from "node:http";
import { generateKeyPairSync } from "node:crypto";
import Provider from "oidc-provider";
import type { LabService } from "../lib/context";
import { renderLogin } from "./oidc-login-page";

/** Demo users: one per role, plus one in no mapped group. Password `demo` for all. */
export const DEMO_USERS: Record<string, { name: string; groups: string[] }> = {
  admin: { name: "Ada Admin", groups: ["Home Server Admins"] },
  operator: { name: "Oscar Operator", groups: ["Platform On-call"] },
  viewer: { name: "Vera Viewer", groups: ["Allow Login Users"] },
  outsider: { name: "Otto Outsider", groups: ["Guests"] },
};
const PASSWORD = "demo";
const PREFIX = "/application/o/switchboard";

/** A certified OIDC provider (npm oidc-provider) mounted where Authentik mounts an application. */
export const oidcService: LabService = {
  name: "oidc",
  async start(ctx) {
    const port = ctx.ports.oidc;
    const issuer = `http://127.0.0.1:${port}${PREFIX}/`;
    const clientSecret = ctx.secret("oidc-client");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: "switchboard",
          client_secret: clientSecret,
          redirect_uris: [`${ctx.panelUrl}/api/auth/callback/authentik`],
          post_logout_redirect_uris: [ctx.panelUrl],
          grant_types: ["authorization_code", "refresh_token"],
          response_types: ["code"],
          token_endpoint_auth_method: "client_secret_basic",
        },
      ],
      jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "lab", use: "sig", alg: "RS256" }] },
      cookies: { keys: [ctx.secret("oidc-cookies")] },
      claims: {
        openid: ["sub"],
        email: ["email", "email_verified"],
        profile: ["name", "preferred_username", "groups"],
        groups: ["groups"],
      },
      // Authentik puts the scope claims into the id_token; next-auth reads the profile from it.
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `${PREFIX}/interaction/${interaction.uid}` },
      // Implicit consent, as Authentik does for its own applications.
      async loadExistingGrant(kctx) {
        const session = kctx.oidc.session;
        const client = kctx.oidc.client;
        if (!session?.accountId || !client) return undefined;
        const grant = new kctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
        grant.addOIDCScope("openid email profile groups");
        await grant.save();
        return grant;
      },
      async findAccount(_kctx, id) {
        const user = DEMO_USERS[id];
        if (!user) return undefined;
        return {
          accountId: id,
          async claims() {
            return {
              sub: id,
              name: user.name,
              preferred_username: id,
              email: `${id}@switchboard.test`,
              email_verified: true,
              groups: user.groups,
            };
          },
        };
      },
    });
    const callback = provider.callback();

    const server = http.createServer((req, res) => {
      const url = req.url ?? "/";
      if (!url.startsWith(PREFIX)) {
        res.writeHead(404).end();
        return;
      }
      if (url.startsWith(`${PREFIX}/interaction/`)) {
        void handleInteraction(provider, req, res).catch((err: unknown) => {
          ctx.log(`oidc interaction error: ${err instanceof Error ? err.message : String(err)}`);
          if (!res.headersSent)
            res.writeHead(400, { "content-type": "text/plain" }).end("Login session expired; start again from Switchboard.");
        });
        return;
      }
      (req as http.IncomingMessage & { originalUrl?: string }).originalUrl = url;
      req.url = url.slice(PREFIX.length) || "/";
      callback(req, res);
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    return {
      env: { AUTHENTIK_CLIENT_SECRET: clientSecret },
      facts: { issuer: issuer.replace(/\/$/, ""), users: Object.keys(DEMO_USERS), password: PASSWORD },
      info: [`  OIDC:    ${issuer} — users ${Object.keys(DEMO_USERS).join(", ")} (password "${PASSWORD}")`],
      stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
};

async function handleInteraction(provider: Provider, req: http.IncomingMessage, res: http.ServerResponse) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === "GET") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(renderLogin({ action: req.url ?? "", error: null }));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
  const login = form.get("login") ?? "";
  if (!(login in DEMO_USERS) || form.get("password") !== PASSWORD) {
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(renderLogin({ action: req.url ?? "", error: "Wrong username or password." }));
    return;
  }
  const result: Record<string, unknown> = { login: { accountId: login } };
  if (details.prompt.name === "consent") {
    const grant = new provider.Grant({ accountId: login, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? "openid"));
    result.consent = { grantId: await grant.save() };
  }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}
