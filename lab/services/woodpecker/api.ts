import http from "node:http";
import { listEntry, repoJson, type RepoDef } from "./model";
import type { Runner } from "./runner";

export interface Tokens {
  /** Push access to every repo. */
  write: string;
  /** Can read repos and pipelines but not start or cancel them. */
  read: string;
}

type Send = (status: number, body?: unknown, headers?: Record<string, string>) => void;

/**
 * Woodpecker's REST routes that Switchboard uses, with its status codes: 401 without a valid
 * bearer token, 403 without push access, 404 for unknown repos and pipelines, 204 +
 * `Pipeline-Filtered: true` when no workflow accepts the manual event.
 */
export function createApi(runner: Runner, tokens: Tokens, forgeUrl: string): http.Server {
  return http.createServer((req, res) => {
    const send: Send = (status, body, headers = {}) => {
      if (body === undefined) res.writeHead(status, headers).end();
      else if (typeof body === "string") res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(body);
      else res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(body));
    };
    void route(req, send).catch(() => send(500, "internal server error"));
  });

  async function route(req: http.IncomingMessage, send: Send): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = await readBody(req);
    if (url.pathname === "/healthz") return send(204);
    if (!url.pathname.startsWith("/api/")) return send(404, "404 page not found");
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const access = auth === tokens.write ? "write" : auth === tokens.read ? "read" : null;
    if (!access) return send(401, "User not authorized");
    const mustPush = () => {
      if (access !== "write") {
        send(403, "Forbidden");
        return false;
      }
      return true;
    };

    const lookup = /^\/api\/repos\/lookup\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (lookup && req.method === "GET") {
      const [owner, name] = [decodeURIComponent(lookup[1]!), decodeURIComponent(lookup[2]!)];
      const repo = runner.repos.find((r) => r.owner.toLowerCase() === owner.toLowerCase() && r.name.toLowerCase() === name.toLowerCase());
      return repo ? send(200, repoJson(repo, forgeUrl)) : send(404, "Not Found");
    }
    const m = /^\/api\/repos\/(\d+)(\/pipelines(?:\/(\d+)(\/cancel)?)?)?$/.exec(url.pathname);
    if (!m) return send(404, "404 page not found");
    const repo: RepoDef | undefined = runner.repos.find((r) => r.id === Number(m[1]));
    if (!repo) return send(404, "Not Found");
    const [, , pipelines, number, cancel] = m;
    if (!pipelines) return req.method === "GET" ? send(200, repoJson(repo, forgeUrl)) : send(405, "Method Not Allowed");

    if (!number && req.method === "GET") {
      const page = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
      const perPage = Math.min(50, Math.max(1, Number(url.searchParams.get("perPage") ?? 50) || 50));
      return send(
        200,
        runner
          .list(repo)
          .slice((page - 1) * perPage, page * perPage)
          .map(listEntry),
      );
    }
    if (!number && req.method === "POST") {
      if (!mustPush()) return;
      const opts = parseOptions(body);
      if (!opts) return send(400, "invalid pipeline options");
      const p = runner.create(repo, { ...opts, branch: opts.branch || repo.defaultBranch }, "switchboard-bot");
      if (!p) return send(204, undefined, { "Pipeline-Filtered": "true" });
      return send(200, p);
    }
    const p = runner.get(repo, Number(number));
    if (!p) return send(404, "Not Found");
    if (!cancel && req.method === "GET") return send(200, p);
    if (cancel && req.method === "POST") {
      if (!mustPush()) return;
      const r = runner.cancel(repo, p.number);
      if (r === "not-running") return send(400, "Cannot cancel a non-running or non-pending or non-blocked pipeline");
      return send(204);
    }
    return send(405, "Method Not Allowed");
  }
}

function parseOptions(raw: string): { branch: string; variables: Record<string, string>; message?: string } | null {
  try {
    const v = JSON.parse(raw || "{}") as { branch?: unknown; variables?: unknown; message?: unknown };
    const variables: Record<string, string> = {};
    if (v.variables && typeof v.variables === "object")
      for (const [k, val] of Object.entries(v.variables as Record<string, unknown>)) {
        if (typeof val !== "string") return null;
        variables[k] = val;
      }
    return {
      branch: typeof v.branch === "string" ? v.branch : "",
      variables,
      message: typeof v.message === "string" ? v.message : undefined,
    };
  } catch {
    return null;
  }
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
