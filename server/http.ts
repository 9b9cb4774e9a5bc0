import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { unstable_rethrow } from "next/navigation";
import type { Role } from "./auth/roles";
import { requireRole, type Actor } from "./auth/session";
import { AppError, publicError } from "./errors";
import { logger } from "./logger";

type Params = Record<string, string | string[]>;

/** A thin, authorised route handler: JSON out, AppErrors mapped to their status, nothing else leaks. */
export function apiRoute<P extends Params = Params>(role: Role, handler: (req: NextRequest, actor: Actor, params: P) => Promise<unknown>) {
  return async (req: NextRequest, ctx: { params: Promise<P> }) => {
    try {
      const actor = await requireRole(role);
      const body = await handler(req, actor, await ctx.params);
      return body instanceof Response ? body : NextResponse.json(body, { headers: { "cache-control": "no-store" } });
    } catch (err) {
      unstable_rethrow(err);
      const pub = publicError(err);
      if (!(err instanceof AppError)) logger.error({ op: "api", path: req.nextUrl.pathname, err }, "route failed");
      return NextResponse.json({ code: pub.code, message: pub.message }, { status: pub.status, headers: { "cache-control": "no-store" } });
    }
  };
}
