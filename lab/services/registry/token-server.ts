import { execFile } from "node:child_process";
import { createPrivateKey, randomUUID, sign, X509Certificate, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
/** distribution adds 60 s of leeway to exp; tokens are cut short by it so they really expire after `lifetime`. */
const REGISTRY_LEEWAY_S = 60;

export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  certFile: string;
  /** `announced` is the expires_in told to clients (default: the real lifetime). */
  setLifetime: (seconds: number, announced?: number) => void;
  stats: () => { issued: number; refused: number; lifetime: number };
  close: () => Promise<void>;
}

interface Opts {
  dir: string;
  port: number;
  user: string;
  password: string;
  lifetimeSeconds: number;
}

const b64u = (v: Buffer | string) => Buffer.from(v).toString("base64url");

/** A small Docker token server: Basic credentials in, an ES256 JWT with an x5c header out. */
export async function startTokenServer(o: Opts): Promise<TokenServer> {
  const keyFile = path.join(o.dir, "token.key");
  const certFile = path.join(o.dir, "token.crt");
  await run("openssl", [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:P-256",
    "-nodes",
    "-keyout",
    keyFile,
    "-out",
    certFile,
    "-days",
    "30",
    "-subj",
    "/CN=switchboard-lab-token",
  ]);
  const key: KeyObject = createPrivateKey(readFileSync(keyFile));
  const der = new X509Certificate(readFileSync(certFile)).raw.toString("base64");
  const service = "switchboard-lab-registry";
  const issuer = "switchboard-lab-token-issuer";
  let lifetime = o.lifetimeSeconds;
  let announcedLifetime: number | null = null;
  let issued = 0;
  let refused = 0;

  const makeToken = (sub: string, access: { type: string; name: string; actions: string[] }[]) => {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: "ES256", typ: "JWT", x5c: [der] };
    const claims = {
      iss: issuer,
      sub,
      aud: service,
      iat: now,
      nbf: now - 5,
      exp: now + lifetime - REGISTRY_LEEWAY_S,
      jti: randomUUID(),
      access,
    };
    const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(claims))}`;
    const sig = sign("sha256", Buffer.from(input), { key, dsaEncoding: "ieee-p1363" });
    return `${input}.${b64u(sig)}`;
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname !== "/token") return void res.writeHead(404).end();
    const m = /^Basic (.+)$/i.exec(req.headers.authorization ?? "");
    const [user, pass] = m ? Buffer.from(m[1]!, "base64").toString().split(":") : [];
    if (user !== o.user || pass !== o.password) {
      refused++;
      res.writeHead(401, { "content-type": "application/json", "www-authenticate": 'Basic realm="lab-token"' });
      return void res.end(JSON.stringify({ errors: [{ code: "UNAUTHORIZED", message: "bad credentials" }] }));
    }
    const access = url.searchParams.getAll("scope").flatMap((s) => {
      const parts = s.split(":");
      if (parts.length < 3) return [];
      return [{ type: parts[0]!, name: parts.slice(1, -1).join(":"), actions: parts.at(-1)!.split(",") }];
    });
    issued++;
    const token = makeToken(user, access);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ token, access_token: token, expires_in: announcedLifetime ?? lifetime, issued_at: new Date().toISOString() }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, "127.0.0.1", resolve);
  });
  return {
    realm: `http://127.0.0.1:${o.port}/token`,
    service,
    issuer,
    certFile,
    setLifetime: (s, announced) => {
      lifetime = s;
      announcedLifetime = announced ?? null;
    },
    stats: () => ({ issued, refused, lifetime }),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
