import { createHash } from "node:crypto";
import type { Selectable } from "kysely";
import type { AuditLogTable } from "../store/tables/foundation";

export const GENESIS = "0".repeat(64);

/** Everything of an entry that its hash covers (all but the chain columns). */
export type AuditFields = Omit<Selectable<AuditLogTable>, "prev_hash" | "hash">;

/** Each entry's hash covers its own fields and the previous entry's hash. */
export function hashAuditEntry(prevHash: string, e: AuditFields): string {
  const canonical = JSON.stringify([
    e.id,
    e.ts,
    e.actor,
    e.actor_name,
    e.role,
    e.action,
    e.resource,
    e.phase,
    e.run_id,
    e.params,
    e.result,
    e.error_code,
    e.duration_ms,
  ]);
  return createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}

const SECRET_KEY = /pass|secret|token|authorization|cookie|credential|apikey|api_key/i;

/** Parameters as they go into the audit log: secrets replaced, long strings cut. */
export function redactParams(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[…]";
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactParams(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redactParams(v, depth + 1)]),
    );
  }
  if (typeof value === "string" && value.length > 500) return `${value.slice(0, 500)}…`;
  return value;
}
