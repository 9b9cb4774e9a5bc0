import net from "node:net";

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 25;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 250);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export function portOpen(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.setTimeout(500);
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
    s.once("timeout", () => {
      s.destroy();
      resolve(false);
    });
  });
}

export const waitForPort = (port: number, what = `port ${port}`, timeoutMs?: number) => waitFor(what, () => portOpen(port), timeoutMs);

export async function waitForHttp(url: string, ok: (status: number) => boolean = (s) => s < 500, timeoutMs?: number) {
  await waitFor(
    url,
    async () => {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      return ok(res.status);
    },
    timeoutMs,
  );
}
