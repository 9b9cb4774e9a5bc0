import "server-only";
import { readFile, stat } from "node:fs/promises";
import { request } from "undici";
import { runtimeCommands } from "./haproxy-runtime";
import { parseBackendCheck, type HealthCheckConfig } from "./haproxy-parse/check-config";
import { parseServersState, parseStatsCsv, SERVER_STAT_COLUMNS } from "./haproxy-parse/stats";

export type HaproxyResult<T> = { ok: true; value: T } | { ok: false; message: string };

const remaining = (deadlineAt: number) => Math.max(1, deadlineAt - Date.now());

/** GET the stats page as CSV (`…/stats;csv`). */
export async function fetchStatsCsv(
  url: string,
  deadlineAt: number,
  signal?: AbortSignal,
): Promise<HaproxyResult<Record<string, string>[]>> {
  const timeout = AbortSignal.timeout(remaining(deadlineAt));
  try {
    const res = await request(url, {
      method: "GET",
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headersTimeout: remaining(deadlineAt),
      bodyTimeout: remaining(deadlineAt),
    });
    if (res.statusCode !== 200) {
      await res.body.dump();
      return { ok: false, message: `stats answered HTTP ${res.statusCode}` };
    }
    const text = await res.body.text();
    return { ok: true, value: parseStatsCsv(text, SERVER_STAT_COLUMNS) };
  } catch (err) {
    return { ok: false, message: describe(err) };
  }
}

const UNKNOWN_BACKEND = /^(No such proxy|Can't find backend)/;

/**
 * The backend's server rows (`show stat <backend> 4 -1`: servers only) and `show servers state`,
 * in one runtime API round trip.
 */
export async function readBackendRuntime(
  address: string,
  backend: string,
  deadlineAt: number,
  signal?: AbortSignal,
): Promise<HaproxyResult<{ stats: Record<string, string>[]; state: Record<string, string>[] }>> {
  const r = await runtimeCommands(address, [`show stat ${backend} 4 -1`, `show servers state ${backend}`], deadlineAt, signal);
  if (!r.ok) return r;
  const [statText, stateText] = r.value as [string, string];
  if (UNKNOWN_BACKEND.test(statText) || UNKNOWN_BACKEND.test(stateText)) return { ok: false, message: `HAProxy has no backend ${backend}` };
  try {
    return { ok: true, value: { stats: parseStatsCsv(statText, SERVER_STAT_COLUMNS), state: parseServersState(stateText) } };
  } catch {
    return { ok: false, message: "unreadable runtime API reply" };
  }
}

interface CachedCheck {
  mtimeMs: number;
  size: number;
  checkedAt: number;
  value: HealthCheckConfig | null;
}
const g = globalThis as typeof globalThis & { __switchboardHaproxyChecks?: Map<string, CachedCheck> };
const checks = (g.__switchboardHaproxyChecks ??= new Map());
/** A config file changes by a deploy, and HAProxy applies it only on reload: one stat a second is fresh enough. */
const RESTAT_MS = 1_000;

/** The backend's health check from haproxy.cfg; the file is read again only when its mtime or size changes. */
export async function readCheckConfig(file: string, backend: string): Promise<HaproxyResult<HealthCheckConfig | null>> {
  const key = `${backend}@${file}`;
  const hit = checks.get(key);
  if (hit && Date.now() - hit.checkedAt < RESTAT_MS) return { ok: true, value: hit.value };
  try {
    const st = await stat(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) {
      hit.checkedAt = Date.now();
      return { ok: true, value: hit.value };
    }
    const value = parseBackendCheck(await readFile(file, "utf8"), backend);
    checks.set(key, { mtimeMs: st.mtimeMs, size: st.size, checkedAt: Date.now(), value });
    return { ok: true, value };
  } catch {
    checks.delete(key);
    return { ok: false, message: "the HAProxy config file is not readable" };
  }
}

function describe(err: unknown): string {
  const text = err instanceof Error ? `${err.name} ${err.message} ${(err as NodeJS.ErrnoException).code ?? ""}` : "";
  if (/ECONNREFUSED|ENOENT/.test(text)) return "not reachable";
  if (/Timeout|abort/i.test(text)) return "no answer before the deadline";
  if (/ReplyParseError/.test(text)) return "unreadable stats CSV";
  return "request failed";
}
