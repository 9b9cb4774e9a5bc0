import { NextResponse, type NextRequest } from "next/server";

/**
 * Only a redirect for people without a session cookie. Pages, route handlers and actions check
 * the session and the role themselves.
 */
export function proxy(req: NextRequest) {
  const hasSession = req.cookies.has("next-auth.session-token") || req.cookies.has("__Secure-next-auth.session-token");
  if (hasSession) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; login, denied and static files stay public.
  matcher: ["/((?!api/|login|denied|_next/|favicon.ico|.*\\.(?:png|jpg|svg|ico|css|js)$).*)"],
};
