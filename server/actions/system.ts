"use server";

import { z } from "zod";
import { NotFound } from "../errors";
import { getDb } from "../store/db";
import { defineAction } from "./define";

/** Frees a resource whose holder died before its lease ran out. */
export const releaseLockAction = defineAction(
  {
    name: "system.releaseLock",
    role: "admin",
    risk: "dangerous",
    input: z.object({ key: z.string().min(1).max(300) }).strict(),
    resource: (i) => `lock/${i.key}`,
  },
  async (ctx, { key }) => {
    const db = await getDb();
    const lock = await db.selectFrom("locks").selectAll().where("key", "=", key).executeTakeFirst();
    if (!lock) throw new NotFound("No lock is held on that resource.");
    await db.deleteFrom("locks").where("key", "=", key).where("token", "=", lock.token).execute();
    ctx.log.info({ key, holder: lock.holder }, "lock released by hand");
    return { key, holder: lock.holder_name, since: lock.acquired_at };
  },
);
