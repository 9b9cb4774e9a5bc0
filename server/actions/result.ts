/** What every action returns: expected failures are values, never thrown across the wire. */
export type ActionResult<T> =
  | { ok: true; data: T; runId: string }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]>; runId?: string };
