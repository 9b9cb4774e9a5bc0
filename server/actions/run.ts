import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type pino from "pino";
import { z } from "zod";
import { appendAudit } from "../audit/log";
import { hasRole, type Role } from "../auth/roles";
import type { Actor, Viewer } from "../auth/session";
import { AppError, publicError } from "../errors";
import { acquireLock, releaseLock, renewLock } from "../locks";
import { logger } from "../logger";
import { getDb, nowIso } from "../store/db";
import type { ActionResult } from "./result";

export interface ActionDef<I extends z.ZodType> {
  /** Dotted, e.g. "registry.runProbe". */
  name: string;
  role: Role;
  /** Dangerous actions need a typed confirmation in the UI. */
  risk: "safe" | "dangerous";
  input: I;
  /** The thing acted on, for the audit log: "registry/private", "infra-ci:latest". */
  resource: (input: z.infer<I>) => string;
  /** Lock key of the resource; null/absent = no lock. */
  lockKey?: (input: z.infer<I>) => string | null;
  lockTtlMs?: number;
}

export interface ActionContext {
  actor: Actor;
  runId: string;
  log: pino.Logger;
  fencingToken: number | null;
  /** Aborted when the lock's lease is lost. */
  signal: AbortSignal;
}

const ANON = { id: "anonymous", name: "anonymous", role: "none" };

function fieldErrorsOf(err: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of err.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message.replace(/^Invalid input: /, ""));
  }
  return out;
}

const hhmm = (iso: string) => `${iso.slice(11, 16)} UTC`;

/** The wrapper every action goes through: role → input → lock → audit(start) → run → audit(end). */
export async function runAction<I extends z.ZodType, O>(
  def: ActionDef<I>,
  run: (ctx: ActionContext, input: z.infer<I>) => Promise<O>,
  viewer: Viewer,
  raw: unknown,
): Promise<ActionResult<O>> {
  const db = await getDb();
  const runId = randomUUID();
  const who = viewer.kind === "actor" ? viewer.actor : viewer.kind === "no-role" ? { ...ANON, id: viewer.name, name: viewer.name } : ANON;
  const base = { actor: who.id, actorName: who.name, role: who.role, action: def.name, runId };
  const log = logger.child({ op: def.name, user: who.id, runId });

  if (viewer.kind !== "actor" || !hasRole(viewer.actor.role, def.role)) {
    await appendAudit(db, { ...base, resource: "-", phase: "denied", params: raw, errorCode: "forbidden" });
    log.warn({ need: def.role, have: who.role }, "action denied");
    const message = viewer.kind === "anonymous" ? "Sign in first." : `This needs the ${def.role} role.`;
    return { ok: false, code: viewer.kind === "anonymous" ? "unauthenticated" : "forbidden", message };
  }
  const actor = viewer.actor;
  const parsed = def.input.safeParse(raw);
  if (!parsed.success) {
    await appendAudit(db, { ...base, resource: "-", phase: "rejected", params: raw, errorCode: "invalid_input" });
    return { ok: false, code: "invalid_input", message: "Some fields are not valid.", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const input = parsed.data as z.infer<I>;
  const resource = def.resource(input);
  const lockKey = def.lockKey?.(input) ?? null;
  const ttl = def.lockTtlMs ?? 60_000;
  const abort = new AbortController();
  let token: number | null = null;
  if (lockKey) {
    const lock = await acquireLock(db, lockKey, { id: actor.id, name: actor.name, runId }, ttl);
    if (!lock.ok) {
      await appendAudit(db, { ...base, resource, phase: "locked", params: input, errorCode: "locked" });
      return { ok: false, code: "locked", message: `Locked by ${lock.holderName} since ${hhmm(lock.since)}.` };
    }
    token = lock.token;
  }
  const started = Date.now();
  const heartbeat =
    lockKey && token !== null
      ? setInterval(() => {
          void renewLock(db, lockKey, token!, ttl).then((held) => held || abort.abort(new Error("lock lost")));
        }, ttl / 3)
      : null;
  try {
    await appendAudit(db, { ...base, resource, phase: "start", params: input });
    await db
      .insertInto("action_runs")
      .values({
        id: runId,
        action: def.name,
        resource,
        actor: actor.id,
        started_at: nowIso(),
        finished_at: null,
        status: "running",
        result: null,
        error_code: null,
        duration_ms: null,
      })
      .execute();
    let outcome: ActionResult<O>;
    let resultForAudit: unknown;
    try {
      const data = await run({ actor, runId, log, fencingToken: token, signal: abort.signal }, input);
      outcome = { ok: true, data, runId };
      resultForAudit = data;
    } catch (err) {
      unstable_rethrow(err);
      const pub = publicError(err);
      if (!(err instanceof AppError)) log.error({ err }, "action failed unexpectedly");
      outcome = { ok: false, code: pub.code, message: pub.message, runId };
      resultForAudit = { message: pub.message };
    }
    const durationMs = Date.now() - started;
    await appendAudit(db, {
      ...base,
      resource,
      phase: outcome.ok ? "ok" : "error",
      params: input,
      result: resultForAudit,
      errorCode: outcome.ok ? null : outcome.code,
      durationMs,
    });
    await db
      .updateTable("action_runs")
      .set({
        finished_at: nowIso(),
        status: outcome.ok ? "ok" : "error",
        result: JSON.stringify(resultForAudit ?? null),
        error_code: outcome.ok ? null : outcome.code,
        duration_ms: durationMs,
      })
      .where("id", "=", runId)
      .execute();
    log.info({ resource, ok: outcome.ok, code: outcome.ok ? undefined : outcome.code, durationMs }, "action finished");
    return outcome;
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    if (lockKey && token !== null) await releaseLock(db, lockKey, token);
  }
}
