import "server-only";
import type { Db } from "./store/db";
import { nowIso } from "./store/db";

export type LockResult = { ok: true; token: number } | { ok: false; holder: string; holderName: string; since: string };

/**
 * A lease on a resource with a fencing token. An expired lease can be taken over; the token
 * only grows, so work done under an older token can be recognised and refused downstream.
 */
export async function acquireLock(
  db: Db,
  key: string,
  holder: { id: string; name: string; runId: string },
  ttlMs: number,
): Promise<LockResult> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const cur = await trx.selectFrom("locks").selectAll().where("key", "=", key).executeTakeFirst();
    if (cur && cur.expires_at > now) return { ok: false, holder: cur.holder, holderName: cur.holder_name, since: cur.acquired_at };
    const counter = await trx
      .insertInto("counters")
      .values({ name: "lock_fencing", value: 1 })
      .onConflict((oc) => oc.column("name").doUpdateSet((eb) => ({ value: eb("counters.value", "+", 1) })))
      .returning("value")
      .executeTakeFirstOrThrow();
    await trx.deleteFrom("locks").where("key", "=", key).execute();
    await trx
      .insertInto("locks")
      .values({
        key,
        holder: holder.id,
        holder_name: holder.name,
        run_id: holder.runId,
        acquired_at: now,
        expires_at: new Date(Date.now() + ttlMs).toISOString(),
        token: counter.value,
      })
      .execute();
    return { ok: true, token: counter.value };
  });
}

/** Extends the lease; false when it was lost (expired and taken by someone else). */
export async function renewLock(db: Db, key: string, token: number, ttlMs: number): Promise<boolean> {
  const res = await db
    .updateTable("locks")
    .set({ expires_at: new Date(Date.now() + ttlMs).toISOString() })
    .where("key", "=", key)
    .where("token", "=", token)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function releaseLock(db: Db, key: string, token: number): Promise<void> {
  await db.deleteFrom("locks").where("key", "=", key).where("token", "=", token).execute();
}
