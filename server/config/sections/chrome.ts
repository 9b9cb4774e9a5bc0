import { z } from "zod";
import { duration } from "../duration";
import { HttpUrl } from "./common";

/** "google.com" matches the host and its subdomains; "127.0.0.1:8080" matches host and port exactly. */
/** Default trap watch window after load when a check has trap hosts. */
export const TRAP_SETTLE_MS = 10_000;

const TrapHost = z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, "expected a host name, optionally with :port");

export const BrowserCheck = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes"),
    url: HttpUrl,
    expect: z
      .object({
        selector: z.string().min(1).optional(),
        title: z.string().optional(),
        status: z.number().int().min(100).max(599).optional(),
      })
      .strict()
      .prefault({}),
    trapHosts: z.array(TrapHost).default(["google.com"]),
    viewport: z
      .object({ width: z.number().int().min(200).max(3840), height: z.number().int().min(200).max(2160) })
      .strict()
      .prefault({ width: 1280, height: 800 }),
    timeout: duration("20s"),
    interval: duration("5m"),
    /**
     * How long after the load event to keep watching for a trap redirect (ends early on a trip).
     * Timing-based detectors fired 1–9.4 s after load in the lab, so with trap hosts it defaults to 10s.
     */
    settle: duration().optional(),
    /** The stealth init script; off only to demonstrate what a trap does without it. */
    stealth: z.boolean().default(true),
  })
  .strict()
  .transform((c) => ({ ...c, settle: c.settle ?? (c.trapHosts.length > 0 ? TRAP_SETTLE_MS : 0) }));
export type BrowserCheck = z.infer<typeof BrowserCheck>;

export const ChromeSection = z
  .object({
    service: z
      .object({
        url: z.url({ protocol: /^wss?$/, error: "expected a ws:// or wss:// URL (the token goes in tokenEnv)" }),
        tokenEnv: z.string().min(1),
        connectTimeout: duration("10s"),
        /** Try GET /json on the service and raise a finding when it reveals the token. */
        exposureCheck: z.boolean().default(true),
      })
      .strict()
      .optional(),
    /** Without a service: run an in-process headless Chromium (results are labelled "fallback"). */
    fallback: z.boolean().default(false),
    executablePath: z.string().min(1).default("/usr/lib/chromium/chromium"),
    concurrency: z.number().int().min(1).max(16).default(2),
    queue: z
      .object({ maxWaiting: z.number().int().min(0).default(10), maxWait: duration("30s") })
      .strict()
      .prefault({ maxWait: "30s" }),
    screenshots: z
      .object({
        keep: z.number().int().min(1).default(20),
        quality: z.number().int().min(10).max(100).default(70),
        thumbnailWidth: z.number().int().min(64).max(800).default(320),
      })
      .strict()
      .prefault({}),
    checks: z.array(BrowserCheck).default([]),
  })
  .strict()
  .prefault({});
export type ChromeSection = z.infer<typeof ChromeSection>;
