import http from "node:http";
import net from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");
const devtoolJs = () => readFileSync(path.join(root, "node_modules/disable-devtool/disable-devtool.min.js"));

const page = (title: string, body: string, head = "") =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}
<style>body{font:16px system-ui,sans-serif;margin:0;background:#0f766e;color:#f0fdfa}main{padding:48px}
.tiles{display:flex;gap:16px;margin-top:24px}.tiles div{width:120px;height:80px;border-radius:8px}</style></head>
<body><main>${body}</main></body></html>`;

const healthy = page(
  "Fixture: healthy",
  `<h1>Fixture site is healthy</h1><p id="rendered">waiting for JavaScript…</p>
<div class="tiles"><div style="background:#f59e0b"></div><div style="background:#6366f1"></div><div style="background:#ef4444"></div></div>
<script>document.getElementById("rendered").textContent = "Rendered by JavaScript at " + new Date().toISOString();</script>`,
);

const trapBody = (how: string) =>
  `<h1 id="content">Stream embed (${how})</h1><p>This page loads the real disable-devtool package.</p>
<div class="tiles"><div style="background:#fde047"></div><div style="background:#22d3ee"></div></div>`;

/** The fixture site: healthy, slow, broken, two anti-devtools trap pages and a trap with a known delay. */
export function startFixtureSite(port: number, trapUrl: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const html = (status: number, body: string) =>
      res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(body);
    switch (url.pathname) {
      case "/":
      case "/healthy":
        return html(200, healthy);
      case "/slow": {
        const ms = Math.min(Number(url.searchParams.get("ms") ?? 2500) || 0, 60_000);
        const timer = setTimeout(() => html(200, page("Fixture: slow", `<h1 id="rendered">Slow page answered after ${ms} ms</h1>`)), ms);
        res.once("close", () => clearTimeout(timer));
        return;
      }
      case "/broken":
        return html(500, page("Fixture: broken", `<h1 id="rendered">500 — the backend fell over</h1>`));
      case "/trap-auto":
        return html(
          200,
          page(
            "Fixture: trap (auto)",
            `${trapBody("disable-devtool-auto")}<script disable-devtool-auto url="${trapUrl}?from=auto" src="/vendor/disable-devtool.min.js"></script>`,
          ),
        );
      case "/trap-manual":
        return html(
          200,
          page(
            "Fixture: trap (manual)",
            `${trapBody("initialised by the page")}<script src="/vendor/disable-devtool.min.js"></script><script>DisableDevtool({ url: ${JSON.stringify(`${trapUrl}?from=manual`)} });</script>`,
          ),
        );
      case "/late-trap": {
        // A detector stand-in with a known delay: sends the browser to the trap host `ms` after load.
        const ms = Math.min(Number(url.searchParams.get("ms") ?? 3000) || 0, 60_000);
        const target = JSON.stringify(`${trapUrl}?from=late`);
        return html(
          200,
          page(
            "Fixture: late trap",
            `${trapBody(`redirects ${ms} ms after load`)}<script>addEventListener("load", () => setTimeout(() => location.assign(${target}), ${ms}));</script>`,
          ),
        );
      }
      case "/vendor/disable-devtool.min.js":
        return res.writeHead(200, { "content-type": "text/javascript" }).end(devtoolJs());
      default:
        return html(404, page("Fixture: not found", "<h1>Not found</h1>"));
    }
  });
  return listen(server, port);
}

/** Loopback stand-in for the trap host (google.com in production). */
export function startTrapHost(port: number): Promise<http.Server> {
  const server = http.createServer((_req, res) => {
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(page("Trap host stand-in", `<h1 id="trap">You landed on the trap host</h1>`));
  });
  return listen(server, port);
}

/** Accepts TCP connections and never answers: a hung WebSocket endpoint. */
export async function startHungEndpoint(port: number): Promise<{ close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on("error", () => undefined);
    s.once("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    close: () => {
      sockets.forEach((s) => s.destroy());
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: http.Server, port: number): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

export function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
