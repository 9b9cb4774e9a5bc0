import { z } from "zod";
import { duration } from "../duration";
import { HttpUrl } from "./common";

export const BrowserCheck = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes"),
    url: HttpUrl,
    expect: z
      .object({ selector: z.string().optional(), title: z.string().optional(), status: z.number().int().optional() })
      .strict()
      .prefault({}),
    trapHosts: z.array(z.string()).default(["google.com"]),
    viewport: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).strict().prefault({ width: 1280, height: 800 }),
    timeout: duration("20s"),
    interval: duration("5m"),
  })
  .strict();
export type BrowserCheck = z.infer<typeof BrowserCheck>;

export const ChromeSection = z
  .object({
    service: z.object({ url: z.url({ protocol: /^wss?$/ }), tokenEnv: z.string().min(1) }).strict().optional(),
    fallback: z.boolean().default(false),
    concurrency: z.number().int().positive().default(2),
    checks: z.array(BrowserCheck).default([]),
  })
  .strict()
  .prefault({});
export type ChromeSection = z.infer<typeof ChromeSection>;
