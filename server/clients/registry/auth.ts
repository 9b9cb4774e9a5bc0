import "server-only";
import { parseChallenge } from "./errors";
import { send } from "./transport";
import { fail, type Failure } from "./types";

interface Token {
  value: string;
  expiresAt: number;
}

type Header = { ok: true; value: string | undefined } | Failure;

/**
 * Anonymous, Basic or Bearer, learned from the registry's first 401 challenge. Bearer tokens
 * are cached per scope until they expire and fetched again when they do (also mid-walk).
 */
export class RegistryAuth {
  private scheme: "unknown" | "none" | "basic" | "bearer" = "unknown";
  private realm: { url: string; service: string } | null = null;
  private readonly tokens = new Map<string, Token>();
  private readonly inflight = new Map<string, Promise<Header>>();
  tokenFetches = 0;

  constructor(
    private readonly creds: { username: string; password: string } | undefined,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private basic(): string | undefined {
    return this.creds ? `Basic ${Buffer.from(`${this.creds.username}:${this.creds.password}`).toString("base64")}` : undefined;
  }

  /** The Authorization header to send for a scope (fetching a token when needed). */
  async headerFor(scope: string, signal?: AbortSignal): Promise<Header> {
    if (this.scheme === "basic") return { ok: true, value: this.basic() };
    if (this.scheme !== "bearer" || !this.realm) return { ok: true, value: undefined };
    const cached = this.tokens.get(scope);
    if (cached && cached.expiresAt > this.now()) return { ok: true, value: `Bearer ${cached.value}` };
    let pending = this.inflight.get(scope);
    if (!pending) {
      pending = this.fetchToken(scope, signal).finally(() => this.inflight.delete(scope));
      this.inflight.set(scope, pending);
    }
    return pending;
  }

  /** After a 401: learn the scheme, drop a rejected token. Returns whether a retry can succeed. */
  onUnauthorized(challengeHeader: string | undefined, scope: string): boolean {
    const ch = parseChallenge(challengeHeader);
    if (!ch) return false;
    if (ch.scheme === "basic") {
      const first = this.scheme !== "basic";
      this.scheme = "basic";
      return first && this.creds !== undefined;
    }
    const realm = ch.params.realm;
    if (!realm) return false;
    this.scheme = "bearer";
    this.realm = { url: realm, service: ch.params.service ?? "" };
    this.tokens.delete(scope);
    return true;
  }

  private async fetchToken(scope: string, signal?: AbortSignal): Promise<Header> {
    const url = new URL(this.realm!.url);
    if (this.realm!.service) url.searchParams.set("service", this.realm!.service);
    url.searchParams.set("scope", scope);
    const basic = this.basic();
    const res = await send(
      {
        url,
        method: "GET",
        headers: basic ? { authorization: basic } : {},
        read: { kind: "text", maxBytes: 1_048_576 },
        timeoutMs: this.timeoutMs,
        signal,
        connections: 1,
      },
      true,
    );
    this.tokenFetches++;
    if (!res.ok) return res;
    if (res.status === 401 || res.status === 403) return fail(res.status, "UNAUTHORIZED", "the token server refused the credentials");
    if (res.status !== 200) return fail(res.status, "UNAUTHORIZED", `the token server answered HTTP ${res.status}`);
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(res.text) as typeof body;
    } catch {
      return fail(res.status, "BAD_RESPONSE", "the token server's answer is not JSON");
    }
    const value = typeof body.token === "string" ? body.token : typeof body.access_token === "string" ? body.access_token : null;
    if (!value) return fail(res.status, "BAD_RESPONSE", "the token server's answer has no token");
    const lifetimeS = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 60;
    const marginMs = Math.min(10_000, lifetimeS * 100);
    this.tokens.set(scope, { value, expiresAt: this.now() + lifetimeS * 1000 - marginMs });
    return { ok: true, value: `Bearer ${value}` };
  }
}
