import { isIpLiteral } from "../address";
import { finding, type Rule } from "./context";

export const hostnamesIntended = (nodes: { host: string }[], explicit: boolean | undefined) =>
  explicit ?? nodes.some((n) => !isIpLiteral(n.host));

export const sentinelIpStorage: Rule = (cs, { config }) => {
  if (!hostnamesIntended(config.nodes, config.hostnames)) return [];
  const bad = cs.sentinels.filter(
    (s) =>
      s.status === "ok" &&
      (s.resolveHostnames === false || s.announceHostnames === false || (s.masterAddr !== null && isIpLiteral(s.masterAddr.host))),
  );
  if (bad.length === 0) return [];
  const why = bad.map((s) => {
    const off = [s.resolveHostnames === false && "resolve-hostnames no", s.announceHostnames === false && "announce-hostnames no"]
      .filter(Boolean)
      .join(", ");
    return `${s.label}: ${[off, s.masterAddr && isIpLiteral(s.masterAddr.host) ? `stores the master as ${s.masterAddr.host}` : ""].filter(Boolean).join("; ")}`;
  });
  return [
    finding(cs, {
      kind: "sentinel-ip",
      severity: "critical",
      title: "A sentinel keeps an IP where hostnames are intended",
      explanation: `${why.join(". ")}. Failover breaks when the pod IP changes: the sentinel keeps pointing at an address that no longer exists.`,
      remedy:
        "On that sentinel: SENTINEL CONFIG SET resolve-hostnames yes and announce-hostnames yes, then SENTINEL REMOVE and SENTINEL MONITOR the master by hostname (MONITOR resets the timings: SENTINEL SET them again).",
      subjects: bad.map((s) => s.id),
    }),
  ];
};
