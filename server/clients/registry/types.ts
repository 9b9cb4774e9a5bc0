import "server-only";

/** Registry error codes we act on, plus our own transport codes. */
export type RegistryErrorCode =
  | "MANIFEST_UNKNOWN"
  | "BLOB_UNKNOWN"
  | "NAME_UNKNOWN"
  | "UNAUTHORIZED"
  | "DENIED"
  | "TOOMANYREQUESTS"
  | "UNSUPPORTED"
  | "UNKNOWN"
  | "TIMEOUT"
  | "CONNECTION"
  | "TOO_LARGE"
  | "BODY_TRUNCATED"
  | "DIGEST_MISMATCH"
  | "SIZE_MISMATCH"
  | "BAD_RESPONSE"
  | `HTTP_${number}`;

export type Failure = { ok: false; status: number | null; code: RegistryErrorCode; reason: string };
export type Outcome<T> = ({ ok: true; status: number } & T) | Failure;

export interface RegistryClientOptions {
  /** Base URL, e.g. https://registry.example:5050 */
  url: string;
  username?: string;
  password?: string;
  connections?: number;
  timeoutMs?: number;
  /** Upper bound for a manifest body. */
  maxManifestBytes?: number;
}

export const fail = (status: number | null, code: RegistryErrorCode, reason: string): Failure => ({ ok: false, status, code, reason });
