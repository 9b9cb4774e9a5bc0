export interface HealthCheckConfig {
  expectsMaster: boolean;
  requiresReplica: boolean;
  fall: number;
  /** The tcp-check lines, as written. */
  lines: string[];
}

const SECTION = /^(global|defaults|frontend|backend|listen|resolvers|peers|userlist|mailers|program|http-errors|ring|cache)\b/;

/** Reads the health check of one backend from haproxy.cfg; null when the backend is not in the file. */
export function parseBackendCheck(cfg: string, backend: string): HealthCheckConfig | null {
  let inBackend = false;
  let found = false;
  let defaultsFall: number | null = null;
  let fall: number | null = null;
  let inDefaults = false;
  const lines: string[] = [];
  for (const raw of cfg.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) continue;
    if (SECTION.test(line)) {
      const [kw, name] = line.split(/\s+/);
      inDefaults = kw === "defaults";
      inBackend = (kw === "backend" || kw === "listen") && name === backend;
      found ||= inBackend;
      continue;
    }
    const m = /^(?:default-server|server)\b.*\bfall\s+(\d+)/.exec(line);
    if (m && inBackend) fall = Math.max(fall ?? 0, Number(m[1]));
    else if (m && inDefaults) defaultsFall = Number(m[1]);
    if (inBackend && line.startsWith("tcp-check")) lines.push(line);
  }
  if (!found) return null;
  const expects = lines.filter((l) => /^tcp-check\s+expect\b/.test(l));
  return {
    expectsMaster: expects.some((l) => /role:master/.test(l)),
    requiresReplica: expects.some((l) => /connected_slaves/.test(l)),
    fall: fall ?? defaultsFall ?? 3,
    lines,
  };
}
