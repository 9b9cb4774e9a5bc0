import http from "node:http";

/** What the proxy does to the traffic it forwards; one-shot hooks run once, then disarm. */
export interface FlakyBehaviour {
  /** Every answer waits this long first. */
  delayMs: number;
  /** Answer 500 (distribution's UNKNOWN body) to every request, or only to manifest requests. */
  error500: "off" | "all" | "manifests";
  /** Runs after the registry answered the last catalog page and before that answer is sent on. */
  onCatalog: (() => Promise<void>) | null;
  /** Runs after the registry answered the first tag page of `repo`, before it is sent on. */
  onFirstTagPage: { repo: string; run: () => Promise<void> } | null;
}

export interface FlakyProxy {
  url: string;
  port: number;
  set: (b: Partial<FlakyBehaviour>) => void;
  reset: () => void;
  stats: () => { forwarded: number; failed500: number; delayed: number };
  close: () => Promise<void>;
}

const ERROR_500 = JSON.stringify({ errors: [{ code: "UNKNOWN", message: "unknown error", detail: "injected by the lab" }] });
const idle = (): FlakyBehaviour => ({ delayMs: 0, error500: "off", onCatalog: null, onFirstTagPage: null });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A small reverse proxy in front of a real registry that can be made slow, made to answer 500,
 * or made to change the registry's storage at the exact moment of a walk (a repo deleted after
 * the catalog was read, a tag removed between two tag pages). Loopback only.
 */
export async function startFlakyProxy(port: number, upstream: string): Promise<FlakyProxy> {
  const target = new URL(upstream);
  let b = idle();
  const counts = { forwarded: 0, failed500: 0, delayed: 0 };

  /** The catalog hook fires on the last catalog page, so the repo is listed and then gone. */
  const catalogHook = (url: URL, lastPage: boolean): (() => Promise<void>) | null => {
    if (url.pathname !== "/v2/_catalog" || !b.onCatalog || !lastPage) return null;
    const run = b.onCatalog;
    b.onCatalog = null;
    return run;
  };

  const tagPageHook = (repo: string, url: URL): (() => Promise<void>) | null => {
    const first = b.onFirstTagPage;
    if (!first || first.repo !== repo || url.searchParams.has("last")) return null;
    b.onFirstTagPage = null;
    return first.run;
  };

  /**
   * distribution 2.8 ignores n= on tag lists (3.0 pages them); the proxy pages them the way 3.0
   * does (sorted, `last=`, Link header), each page read from the live registry.
   */
  const pageTags = (req: http.IncomingMessage, res: http.ServerResponse, repo: string, url: URL) => {
    const n = Number(url.searchParams.get("n"));
    const last = url.searchParams.get("last") ?? "";
    const up = http.get(
      { host: target.hostname, port: target.port, path: `/v2/${repo}/tags/list`, headers: { ...req.headers, host: target.host } },
      (upRes) => {
        const parts: Buffer[] = [];
        upRes.on("data", (c: Buffer) => parts.push(c));
        upRes.on("end", async () => {
          counts.forwarded++;
          const body = Buffer.concat(parts);
          if (upRes.statusCode !== 200) return void res.writeHead(upRes.statusCode ?? 502, upRes.headers).end(body);
          const all = ((JSON.parse(body.toString()) as { tags: string[] | null }).tags ?? []).sort().filter((t) => t > last);
          const page = all.slice(0, n);
          const hook = tagPageHook(repo, url);
          if (hook) await hook().catch(() => undefined);
          const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
          if (all.length > n) headers.link = `</v2/${repo}/tags/list?last=${encodeURIComponent(page.at(-1)!)}&n=${n}>; rel="next"`;
          res.writeHead(200, headers).end(JSON.stringify({ name: repo, tags: page }));
        });
      },
    );
    up.on("error", () => void res.writeHead(502).end());
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", target);
    if (b.delayMs > 0) {
      counts.delayed++;
      await wait(b.delayMs);
      if (req.socket.destroyed || res.destroyed) return;
    }
    if (b.error500 === "all" || (b.error500 === "manifests" && /\/manifests\//.test(url.pathname))) {
      counts.failed500++;
      req.resume();
      res.writeHead(500, { "content-type": "application/json; charset=utf-8", "docker-distribution-api-version": "registry/2.0" });
      return void res.end(req.method === "HEAD" ? undefined : ERROR_500);
    }
    const tagList = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname);
    if (tagList && Number(url.searchParams.get("n")) > 0) return pageTags(req, res, tagList[1]!, url);
    const up = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      async (upRes) => {
        counts.forwarded++;
        const hook = upRes.statusCode === 200 ? catalogHook(url, !upRes.headers.link) : null;
        if (hook) await hook().catch(() => undefined);
        const headers = { ...upRes.headers };
        if (headers.location) headers.location = headers.location.replace(target.origin, `http://127.0.0.1:${port}`);
        res.writeHead(upRes.statusCode ?? 502, headers);
        upRes.pipe(res);
      },
    );
    up.setTimeout(60_000, () => up.destroy());
    up.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    set: (next) => void (b = { ...b, ...next }),
    reset: () => void (b = idle()),
    stats: () => ({ ...counts }),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
