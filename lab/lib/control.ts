import http from "node:http";
import type { Fault } from "./context";

/**
 * The lab's fault switches over HTTP on loopback, for tests and the demo:
 *   GET  /faults                               -> the list
 *   POST /faults/<service>/<fault>/inject|heal  -> JSON body passed to the handler
 */
export function startControlServer(port: number, faults: Map<string, Fault>): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (req.method === "GET" && url.pathname === "/faults") {
        return send(200, Object.fromEntries([...faults].map(([k, f]) => [k, f.description])));
      }
      const m = /^\/faults\/([\w-]+\/[\w-]+)\/(inject|heal)$/.exec(url.pathname);
      if (req.method !== "POST" || !m) return send(404, { error: "unknown route" });
      const fault = faults.get(m[1]!);
      if (!fault) return send(404, { error: `unknown fault ${m[1]}` });
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks).toString("utf8");
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const result = await (m[2] === "inject" ? fault.inject(body) : fault.heal(body));
      send(200, { ok: true, result: result ?? null });
    } catch (err) {
      send(500, { ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
