/** A reply that does not have the shape the protocol promises; it marks one process, never the snapshot. */
export class ReplyParseError extends Error {
  constructor(
    readonly what: string,
    detail: string,
  ) {
    super(`${what}: ${detail}`);
    this.name = "ReplyParseError";
  }
}

export function toInt(v: unknown, what: string): number {
  const n = typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw new ReplyParseError(what, "expected an integer");
  return n;
}

export function toStr(v: unknown, what: string): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  throw new ReplyParseError(what, "expected a string");
}
