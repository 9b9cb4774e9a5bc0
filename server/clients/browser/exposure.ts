import "server-only";
import { request } from "undici";

export interface Exposure {
  /** GET /json answered with a wsEndpointPath. */
  exposed: boolean;
  /** The revealed path is the configured token. */
  revealsToken: boolean;
  checkedAt: string;
  /** Why the check could not tell (port closed, timeout); null when it could. */
  error: string | null;
}

/** launch-server answers plain HTTP: GET /json returns {"wsEndpointPath": "/<token>"} to anyone. */
export async function checkExposure(wsUrl: string, token: string, timeoutMs = 3000): Promise<Exposure> {
  const u = new URL(wsUrl);
  u.protocol = u.protocol === "wss:" ? "https:" : "http:";
  u.pathname = "/json";
  const checkedAt = new Date().toISOString();
  try {
    const res = await request(u, {
      method: "GET",
      signal: AbortSignal.timeout(timeoutMs),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    if (res.statusCode !== 200) {
      await res.body.dump();
      return { exposed: false, revealsToken: false, checkedAt, error: null };
    }
    const text = (await res.body.text()).slice(0, 10_000);
    let path: unknown = null;
    try {
      path = (JSON.parse(text) as { wsEndpointPath?: unknown }).wsEndpointPath ?? null;
    } catch {
      path = null;
    }
    const exposed = typeof path === "string" && path.length > 1;
    return { exposed, revealsToken: exposed && path === `/${token}`, checkedAt, error: null };
  } catch (err) {
    const timeout = err instanceof Error && /timeout|aborted/i.test(`${err.name} ${err.message}`);
    return { exposed: false, revealsToken: false, checkedAt, error: timeout ? "timeout" : "unreachable" };
  }
}
