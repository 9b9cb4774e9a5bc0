import "server-only";
import { request } from "undici";
import { z } from "zod";
import { AppError } from "../errors";

export type CiErrorKind =
  "unauthorized" | "forbidden" | "not-found" | "bad-request" | "server-error" | "unreachable" | "timeout" | "bad-response";

const MESSAGES: Record<CiErrorKind, string> = {
  unauthorized: "Woodpecker refused the panel's token (401): the CI token is missing, expired or revoked.",
  forbidden: "Woodpecker's token has no push access to this repository (403).",
  "not-found": "Woodpecker does not know this repository or pipeline (404).",
  "bad-request": "Woodpecker rejected the request (400).",
  "server-error": "Woodpecker failed while handling the request (5xx).",
  unreachable: "Woodpecker could not be reached.",
  timeout: "Woodpecker did not answer in time.",
  "bad-response": "Woodpecker answered with something the panel does not understand.",
};

/** A CI failure with its own code per kind; the message never carries the host, token or body. */
export class CiError extends AppError {
  constructor(
    readonly kind: CiErrorKind,
    readonly upstreamStatus: number | null,
  ) {
    super(`ci_${kind.replace(/-/g, "_")}`, MESSAGES[kind], kind === "timeout" ? 504 : 502);
  }
}

export const WoodpeckerRepo = z.object({ id: z.number().int(), full_name: z.string(), default_branch: z.string().optional() });
export type WoodpeckerRepo = z.infer<typeof WoodpeckerRepo>;

export const WoodpeckerPipeline = z.object({
  id: z.number().int(),
  number: z.number().int(),
  status: z.string(),
  event: z.string().optional(),
  branch: z.string().optional(),
  created: z.number().optional(),
  started: z.number().optional(),
  finished: z.number().optional(),
  errors: z
    .array(z.object({ message: z.string().optional() }).passthrough())
    .nullable()
    .optional(),
  workflows: z
    .array(
      z
        .object({
          name: z.string(),
          state: z.string(),
          children: z.array(z.object({ name: z.string(), state: z.string(), exit_code: z.number().optional() }).passthrough()).optional(),
        })
        .passthrough(),
    )
    .nullable()
    .optional(),
});
export type WoodpeckerPipeline = z.infer<typeof WoodpeckerPipeline>;

export interface TriggerBody {
  branch: string;
  variables: Record<string, string>;
  message?: string;
}

export type TriggerResult = { kind: "started"; pipeline: WoodpeckerPipeline } | { kind: "filtered" };

export interface WoodpeckerClient {
  lookupRepo(fullName: string, signal?: AbortSignal): Promise<WoodpeckerRepo>;
  triggerPipeline(repoId: number, body: TriggerBody, signal?: AbortSignal): Promise<TriggerResult>;
  getPipeline(repoId: number, number: number, signal?: AbortSignal): Promise<WoodpeckerPipeline>;
  listPipelines(repoId: number, page?: number, signal?: AbortSignal): Promise<WoodpeckerPipeline[]>;
  cancelPipeline(repoId: number, number: number, signal?: AbortSignal): Promise<void>;
}

interface Options {
  url: string;
  token: string;
  timeoutMs: number;
}

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; json: unknown };

function kindOf(status: number): CiErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status >= 500) return "server-error";
  return "bad-request";
}

/** Woodpecker's REST API over undici; the bearer token stays in this module's requests. */
export function woodpeckerClient(opts: Options): WoodpeckerClient {
  const base = opts.url.replace(/\/+$/, "");

  async function call(method: "GET" | "POST", path: string, body: unknown, signal?: AbortSignal): Promise<Reply> {
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    const all = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const res = await request(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${opts.token}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: all,
      });
      if (res.statusCode < 200 || res.statusCode >= 300 || res.statusCode === 204) {
        await res.body.dump();
        return { status: res.statusCode, headers: res.headers, json: null };
      }
      const text = await res.body.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        throw new CiError("bad-response", res.statusCode);
      }
      return { status: res.statusCode, headers: res.headers, json };
    } catch (err) {
      if (err instanceof CiError) throw err;
      if (signal?.aborted) throw err;
      if (timeout.aborted) throw new CiError("timeout", null);
      throw new CiError("unreachable", null);
    }
  }

  function ok<T>(reply: Reply, schema: z.ZodType<T>): T {
    if (reply.status < 200 || reply.status >= 300) throw new CiError(kindOf(reply.status), reply.status);
    const parsed = schema.safeParse(reply.json);
    if (!parsed.success) throw new CiError("bad-response", reply.status);
    return parsed.data;
  }

  return {
    async lookupRepo(fullName, signal) {
      const [owner, name] = fullName.split("/");
      return ok(
        await call("GET", `/api/repos/lookup/${encodeURIComponent(owner!)}/${encodeURIComponent(name!)}`, undefined, signal),
        WoodpeckerRepo,
      );
    },
    async triggerPipeline(repoId, body, signal) {
      const reply = await call("POST", `/api/repos/${repoId}/pipelines`, body, signal);
      if (reply.status === 204) {
        if (String(reply.headers["pipeline-filtered"] ?? "").toLowerCase() === "true") return { kind: "filtered" };
        throw new CiError("bad-response", 204);
      }
      return { kind: "started", pipeline: ok(reply, WoodpeckerPipeline) };
    },
    async getPipeline(repoId, number, signal) {
      return ok(await call("GET", `/api/repos/${repoId}/pipelines/${number}`, undefined, signal), WoodpeckerPipeline);
    },
    async listPipelines(repoId, page = 1, signal) {
      return ok(
        await call("GET", `/api/repos/${repoId}/pipelines?page=${page}&perPage=50`, undefined, signal),
        z.array(WoodpeckerPipeline),
      );
    },
    async cancelPipeline(repoId, number, signal) {
      const reply = await call("POST", `/api/repos/${repoId}/pipelines/${number}/cancel`, undefined, signal);
      if (reply.status < 200 || reply.status >= 300) throw new CiError(kindOf(reply.status), reply.status);
    },
  };
}
