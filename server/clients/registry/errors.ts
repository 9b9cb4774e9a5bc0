import "server-only";
import type { RegistryErrorCode } from "./types";

const KNOWN = new Set([
  "MANIFEST_UNKNOWN",
  "BLOB_UNKNOWN",
  "NAME_UNKNOWN",
  "UNAUTHORIZED",
  "DENIED",
  "TOOMANYREQUESTS",
  "UNSUPPORTED",
  "UNKNOWN",
]);

/** The first error code of a registry error body (`{"errors":[{"code":…}]}`), or one derived from the status. */
export function parseErrorCode(status: number, body: string): RegistryErrorCode {
  try {
    const parsed: unknown = JSON.parse(body);
    const first = (parsed as { errors?: { code?: unknown }[] }).errors?.[0]?.code;
    if (typeof first === "string" && KNOWN.has(first)) return first as RegistryErrorCode;
  } catch {
    /* not JSON: fall through to the status */
  }
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "DENIED";
  if (status === 429) return "TOOMANYREQUESTS";
  return `HTTP_${status}`;
}

/** A short, safe reason: our words for the code, never the registry's body (it can carry hostnames). */
export function describeCode(code: RegistryErrorCode): string {
  switch (code) {
    case "MANIFEST_UNKNOWN":
      return "manifest unknown";
    case "BLOB_UNKNOWN":
      return "blob unknown";
    case "NAME_UNKNOWN":
      return "repository unknown";
    case "UNAUTHORIZED":
      return "authentication refused";
    case "DENIED":
      return "access denied";
    case "TOOMANYREQUESTS":
      return "rate limited";
    case "UNKNOWN":
      return "unknown error";
    default:
      return code.startsWith("HTTP_") ? `HTTP ${code.slice(5)}` : code.toLowerCase().replace(/_/g, " ");
  }
}

export interface Challenge {
  scheme: "basic" | "bearer";
  params: Record<string, string>;
}

/** `Bearer realm="…",service="…",scope="repository:x:pull"` → {scheme, params}. */
export function parseChallenge(header: string | undefined): Challenge | null {
  if (!header) return null;
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  if (scheme !== "basic" && scheme !== "bearer") return null;
  const params: Record<string, string> = {};
  for (const p of m[2]!.matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) params[p[1]!.toLowerCase()] = p[2] ?? p[3] ?? "";
  return { scheme, params };
}

/** `<url>; rel="next"` → the URL. */
export function parseNextLink(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (m) return m[1]!;
  }
  return null;
}
