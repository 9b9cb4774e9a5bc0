import { NextResponse, type NextRequest } from "next/server";
import { actionsByName } from "@/server/actions/catalog";
import { isCrossOrigin } from "@/server/origin";

export const dynamic = "force-dynamic";

const STATUS: Record<string, number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid_input: 400,
  locked: 409,
  not_found: 404,
  conflict: 409,
  precondition: 412,
};

/** Every action over plain HTTP (JSON body = the action's input), for automation and tests. */
export async function POST(req: NextRequest, ctx: { params: Promise<{ name: string }> }) {
  const { name } = await ctx.params;
  if (isCrossOrigin(req.headers))
    return NextResponse.json({ ok: false, code: "cross_origin", message: "Cross-origin requests are refused." }, { status: 403 });
  const action = actionsByName.get(name);
  if (!action) return NextResponse.json({ ok: false, code: "not_found", message: "No such action." }, { status: 404 });
  if (!req.headers.get("content-type")?.startsWith("application/json")) {
    return NextResponse.json({ ok: false, code: "invalid_input", message: "Send the input as application/json." }, { status: 415 });
  }
  const input: unknown = await req.json().catch(() => undefined);
  const result = await action(input);
  const status = result.ok ? 200 : (STATUS[result.code] ?? (result.code === "internal" ? 500 : 502));
  return NextResponse.json(result, { status, headers: { "cache-control": "no-store" } });
}
