/**
 * Every lab port is base + a fixed offset, so the demo lab (base 20000) and the test lab
 * (base 21000) can run side by side. Bases stay below 32768, Linux's ephemeral port range, so an
 * outgoing connection can never occupy a lab port. Only loopback addresses are ever bound.
 */
export const PORT_OFFSETS = {
  control: 0,
  oidc: 1,
  // registry (issue 3)
  registry: 10,
  registryToken: 11,
  tokenServer: 12,
  registryMirror: 13,
  registrySpare: 14,
  registryMirrorDebug: 15,
  registryFlaky: 16,
  registryAnon: 17,
  // chrome-service (issue 4)
  chrome: 20,
  chromeSkew: 21,
  fixtures: 22,
  trap: 23,
  chromeHung: 24,
  chromeCdp: 25,
  // redis (issue 5): old nodes 30-31, old sentinels 35-37, v2 nodes 40-42, v2 sentinels 45-47
  redisOld0: 30,
  redisOld1: 31,
  sentinelOld0: 35,
  sentinelOld1: 36,
  sentinelOld2: 37,
  redisV20: 40,
  redisV21: 41,
  redisV22: 42,
  sentinelV20: 45,
  sentinelV21: 46,
  sentinelV22: 47,
  haproxy: 50,
  haproxyStats: 51,
  haproxyRuntime: 52,
  // woodpecker stand-in (issue 6)
  woodpecker: 60,
  prometheus: 70,
} as const;

export type PortName = keyof typeof PORT_OFFSETS;
export type Ports = Record<PortName, number>;

export function portsFor(base: number): Ports {
  const out = {} as Ports;
  for (const [k, off] of Object.entries(PORT_OFFSETS)) out[k as PortName] = base + off;
  return out;
}
