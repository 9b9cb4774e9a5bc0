import { describe, expect, it } from "vitest";
import type { ClusterSnapshot, NodeState, SentinelState, Snapshot } from "@/lib/redis/snapshot";
import { emptyNode } from "./build-node";
import { diffSnapshots, shapeOf } from "./events";

const node = (id: string, role: NodeState["role"], status: NodeState["status"] = "ok"): NodeState => ({
  ...emptyNode(id, "h", 1),
  id,
  label: id,
  role,
  status,
});
const sentinel = (masterNodeId: string): SentinelState => ({
  id: "s",
  label: "s",
  host: "h",
  port: 2,
  status: "ok",
  error: null,
  latencyMs: 1,
  version: null,
  masterAddr: { host: "h", port: 1 },
  masterNodeId,
  masterFlags: [],
  quorum: 2,
  numOtherSentinels: 2,
  replicas: [],
  sentinels: [],
  ckquorum: { ok: true, message: "OK" },
  resolveHostnames: true,
  announceHostnames: true,
});
const snap = (nodes: NodeState[], master: string, at: string): Snapshot => ({
  id: at,
  takenAt: at,
  durationMs: 1,
  deadlineMs: 1000,
  clusters: [
    { name: "v2", masterName: "mymaster", nodes, sentinels: [sentinel(master)], haproxy: null, findings: [] } satisfies ClusterSnapshot,
  ],
});

describe("role-change timeline", () => {
  it("records a failover, the role changes and a node going down", () => {
    const a = snap([node("a", "master"), node("b", "replica"), node("c", "replica")], "a", "2026-01-01T00:00:00Z");
    const b = snap([node("a", null, "down"), node("b", "master"), node("c", "replica")], "b", "2026-01-01T00:00:05Z");
    const ev = diffSnapshots(a, b);
    expect(ev.map((e) => [e.kind, e.subject])).toEqual([
      ["down", "a"],
      ["role", "b"],
      ["failover", "sentinels"],
    ]);
    expect(ev[2]!.detail).toBe("master a → b");
    expect(diffSnapshots(null, a)).toEqual([]);
    expect(diffSnapshots(a, a)).toEqual([]);
    expect(shapeOf(a)).not.toBe(shapeOf(b));
  });
});
