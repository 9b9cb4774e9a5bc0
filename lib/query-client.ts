import { isServer, QueryClient } from "@tanstack/react-query";

/** A JSON route answered with an error: the server's safe message, and the status for retry rules. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (count, err) => !isServer && count < 2 && !(err instanceof ApiError && [401, 403, 404].includes(err.status)),
      },
    },
  });
}

/** GET a JSON route of the panel with a timeout; errors carry the server's safe message. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal: signal ?? AbortSignal.timeout(15_000), headers: { accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
    throw new ApiError(
      res.status,
      body?.code ?? "http",
      res.status === 401
        ? "Your session has ended: reload the page to sign in again."
        : (body?.message ?? `The panel answered ${res.status}.`),
    );
  }
  return (await res.json()) as T;
}
