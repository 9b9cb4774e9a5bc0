import { readFileSync } from "node:fs";
import path from "node:path";

export interface LabInfo {
  profile: string;
  panelUrl: string;
  configPath: string;
  envPath: string;
  controlUrl: string;
  ports: Record<string, number>;
  env: Record<string, string>;
  services: Record<string, Record<string, unknown>>;
}

/**
 * The running lab that integration tests use (started by `npm test`, or by hand with
 * `npm run lab -- --profile test`). SWITCHBOARD_LAB_PROFILE picks another profile.
 */
export function readLab(): LabInfo {
  const profile = process.env.SWITCHBOARD_LAB_PROFILE ?? "test";
  const file = path.resolve(import.meta.dirname, "..", ".lab", profile, "lab.json");
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LabInfo;
  } catch {
    throw new Error(`no running lab at ${file}: start it with \`npm run lab -- --profile ${profile}\``);
  }
}

/** Flips one of the lab's fault switches and returns the handler's result. */
export async function fault(name: string, action: "inject" | "heal", body: Record<string, unknown> = {}): Promise<unknown> {
  const res = await fetch(`${readLab().controlUrl}/faults/${name}/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const json = (await res.json()) as { ok: boolean; result?: unknown; error?: string };
  if (!json.ok) throw new Error(`fault ${name}/${action} failed: ${json.error}`);
  return json.result;
}

/** Polls until check() returns a truthy value (never a fixed sleep). */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}
