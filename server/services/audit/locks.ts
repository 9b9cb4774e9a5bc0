import "server-only";
import type { HeldLock } from "@/lib/locks/types";
import type { Db } from "../../store/db";
import { nowIso } from "../../store/db";

/** Leases that are still running (an expired one is free to take and not listed). */
export async function listHeldLocks(db: Db): Promise<HeldLock[]> {
  const rows = await db.selectFrom("locks").selectAll().where("expires_at", ">", nowIso()).orderBy("acquired_at").execute();
  return rows.map((r) => ({ key: r.key, holderName: r.holder_name, since: r.acquired_at, expiresAt: r.expires_at, token: r.token }));
}
