import "server-only";

const BRAND = Symbol.for("switchboard.AppError.classes");

/**
 * Expected failures. Their messages are written for the person at the keyboard and are safe to show.
 * `instanceof` checks a brand (the names of the classes in the chain) instead of the prototype: the
 * built server bundles a module more than once (instrumentation vs routes), so an error thrown by a
 * singleton made in one bundle must still be recognised in another.
 */
export class AppError extends Error {
  declare readonly [BRAND]: readonly string[];

  constructor(
    readonly code: string,
    message: string,
    readonly status = 500,
  ) {
    super(message);
    this.name = new.target.name;
    const chain: string[] = [];
    for (let p: unknown = new.target; typeof p === "function" && p !== Error; p = Object.getPrototypeOf(p)) chain.push(p.name);
    Object.defineProperty(this, BRAND, { value: chain });
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    const chain = (value as { [BRAND]?: unknown } | null)?.[BRAND];
    return Array.isArray(chain) && chain.includes(this.name);
  }
}
export class NotFound extends AppError {
  constructor(message = "Not found.") {
    super("not_found", message, 404);
  }
}
export class Forbidden extends AppError {
  constructor(message = "Your role does not allow this.") {
    super("forbidden", message, 403);
  }
}
export class Unauthenticated extends AppError {
  constructor(message = "Sign in first.") {
    super("unauthenticated", message, 401);
  }
}
export class Conflict extends AppError {
  constructor(message: string) {
    super("conflict", message, 409);
  }
}
export class Precondition extends AppError {
  constructor(message: string) {
    super("precondition", message, 412);
  }
}
export class Timeout extends AppError {
  constructor(what: string) {
    super("timeout", `${what} did not answer in time.`, 504);
  }
}
/** An upstream failed; `upstream` is a name like "registry" — never a host or a token. */
export class Upstream extends AppError {
  constructor(
    readonly upstream: string,
    readonly upstreamStatus: number | null,
    message: string,
  ) {
    super("upstream", message, 502);
  }
}
export class InvalidInput extends AppError {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super("invalid_input", "Some fields are not valid.", 400);
  }
}

/** What a user may see of any error: our own message for AppErrors, a generic one otherwise. */
export function publicError(err: unknown): { code: string; message: string; status: number } {
  if (err instanceof AppError) return { code: err.code, message: err.message, status: err.status };
  return { code: "internal", message: "Something went wrong on the server. The details are in the server log.", status: 500 };
}
