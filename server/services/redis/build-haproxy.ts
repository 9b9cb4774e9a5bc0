import "server-only";
import type { HaproxyTarget } from "@/server/config/sections/redis";
import { fetchStatsCsv, readBackendRuntime, readCheckConfig, type HaproxyResult } from "@/server/clients/haproxy";
import { identifyServer, type RedisTarget } from "@/server/clients/redis";
import { parseInfo } from "@/server/clients/redis-parse/info";
import type { HaproxyServer, HaproxyState } from "@/lib/redis/snapshot";
import type { AddressBook } from "./address";

type Rows = HaproxyResult<Record<string, string>[]>;

const num = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : null);

/** Server rows and runtime state in one runtime API round trip; the stats page over HTTP when there is no runtime API or it fails. */
async function readServers(
  h: HaproxyTarget,
  deadlineAt: number,
  signal?: AbortSignal,
): Promise<{ stats: Rows | null; state: Rows | null }> {
  if (h.runtime) {
    const r = await readBackendRuntime(h.runtime, h.backend, deadlineAt, signal);
    if (r.ok) return { stats: { ok: true, value: r.value.stats }, state: { ok: true, value: r.value.state } };
    return { stats: h.stats ? await fetchStatsCsv(h.stats, deadlineAt, signal) : null, state: r };
  }
  return { stats: h.stats ? await fetchStatsCsv(h.stats, deadlineAt, signal) : null, state: null };
}

/**
 * Reads one HAProxy: backend servers (stats + runtime state), its check, and where the frontend really
 * routes. The route probe (a fresh connection through the frontend) is started first so it overlaps the rest.
 */
export async function buildHaproxy(
  cluster: string,
  h: HaproxyTarget,
  auth: Pick<RedisTarget, "username" | "password">,
  deadlineAt: number,
  signal?: AbortSignal,
): Promise<{ finish: (book: AddressBook, runIds: Map<string, string>) => HaproxyState }> {
  const routing = identifyServer({ ...h.frontend, ...auth }, deadlineAt, signal);
  const [route, { stats, state }, check] = await Promise.all([
    routing,
    readServers(h, deadlineAt, signal),
    h.configFile ? readCheckConfig(h.configFile, h.backend) : Promise.resolve(null),
  ]);
  return {
    finish(book, runIds) {
      const errors: string[] = [];
      if (stats && !stats.ok) errors.push(`stats: ${stats.message}`);
      if (state && !state.ok) errors.push(`runtime API: ${state.message}`);
      if (check && !check.ok) errors.push(check.message);
      const runtimeRows = state?.ok ? state.value : [];
      const servers: HaproxyServer[] = [];
      const rows = stats?.ok ? stats.value.filter((r) => r.pxname === h.backend && r.svname !== "FRONTEND" && r.svname !== "BACKEND") : [];
      for (const r of rows) {
        const rt = runtimeRows.find((x) => x.srv_name === r.svname);
        const [addrHost, addrPort] = (r.addr ?? "").split(/:(?=\d+$)/);
        const host = rt?.srv_addr ?? addrHost ?? "";
        const port = num(rt?.srv_port) ?? num(addrPort);
        servers.push({
          name: r.svname ?? "",
          addr: host,
          port,
          nodeId: port === null ? null : book.nodeOf(cluster, { host, port }),
          status: r.status ?? "",
          checkStatus: r.check_status ?? "",
          checkDesc: (r.last_chk ?? "").slice(0, 160),
          sessions: num(r.scur),
          lastChangeSec: num(r.lastchg),
        });
      }
      if (!stats?.ok) {
        for (const rt of runtimeRows) {
          const port = num(rt.srv_port);
          servers.push({
            name: rt.srv_name ?? "",
            addr: rt.srv_addr ?? "",
            port,
            nodeId: port === null ? null : book.nodeOf(cluster, { host: rt.srv_addr ?? "", port }),
            status: rt.srv_admin_state !== "0" ? "MAINT" : rt.srv_op_state === "2" ? "UP" : "DOWN",
            checkStatus: rt.srv_check_status ?? "",
            checkDesc: "",
            sessions: null,
            lastChangeSec: num(rt.srv_time_since_last_change),
          });
        }
      }
      let routeRunId: string | null = null;
      let routeError: string | null = route.ok ? null : route.message;
      if (route.ok) {
        try {
          routeRunId = parseInfo(route.replies[0]).server?.run_id ?? null;
        } catch {
          routeError = "unreadable reply through the frontend";
        }
      }
      const parts = [stats, state, check].filter((x) => x !== null);
      const failed = parts.filter((x) => !x.ok).length;
      return {
        name: h.name,
        backend: h.backend,
        status: failed === 0 ? "ok" : failed === parts.length && servers.length === 0 ? "down" : "partial",
        errors,
        servers,
        route: {
          ok: route.ok && routeError === null,
          runId: routeRunId,
          nodeId: routeRunId ? (runIds.get(routeRunId) ?? null) : null,
          error: routeError,
        },
        check: check?.ok ? check.value : null,
      };
    },
  };
}
