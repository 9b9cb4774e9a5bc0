import { z } from "zod";

/** "host:port" or {host, port}; both become {host, port}. */
export const HostPort = z.union([
  z.string().transform((s, ctx) => {
    const m = /^\[?([^\]\s]+?)\]?:(\d{1,5})$/.exec(s);
    const port = m ? Number(m[2]) : NaN;
    if (!m || port < 1 || port > 65535) {
      ctx.addIssue({ code: "custom", message: `expected host:port, got "${s}"` });
      return z.NEVER;
    }
    return { host: m[1]!, port };
  }),
  z.object({ host: z.string().min(1), port: z.number().int().min(1).max(65535) }).strict(),
]);
export type HostPort = z.infer<typeof HostPort>;

export const HttpUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL" });
