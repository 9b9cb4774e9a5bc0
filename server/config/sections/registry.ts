import { z } from "zod";
import { duration } from "../duration";
import { HttpUrl } from "./common";

export const RebuildTarget = z
  .object({
    ciRepo: z.union([z.string().regex(/^[^/\s]+\/[^/\s]+$/, "expected owner/name"), z.number().int().positive()]),
    branch: z.string().min(1).default("master"),
    variables: z.record(z.string(), z.string()).default({}),
    alsoRuns: z.array(z.string()).default([]),
  })
  .strict();

export const RegistryTarget = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes"),
    url: HttpUrl,
    kind: z.enum(["private", "mirror"]).default("private"),
    instance: z.string().optional(),
    auth: z
      .object({ usernameEnv: z.string().min(1), passwordEnv: z.string().min(1) })
      .strict()
      .optional(),
    interval: duration("15m"),
    mode: z.enum(["fast", "deep", "sample"]).default("fast"),
    storageRoot: z.string().optional(),
    include: z.array(z.string().min(1)).default([]),
    exclude: z.array(z.string().min(1)).default([]),
    connections: z.number().int().min(1).max(64).default(8),
    timeout: duration("10s"),
    /** A whole walk that takes longer ends as "could not check" (a slow registry must not hold the probe forever). */
    runTimeout: duration("10m"),
    /** n= for catalog and tag list pages. */
    tagPageSize: z.number().int().min(1).max(10_000).default(1000),
    /** Where `registry garbage-collect --dry-run --delete-untagged` output is dropped, for the GC pre-flight. */
    gcDryRunFile: z.string().optional(),
    sampleShare: z.number().gt(0).max(1).default(0.1),
    staleAfter: duration("1h"),
    /** The mirror's debug endpoint (distribution `http.debug`, /debug/vars) for its cache hit rate. */
    metricsUrl: HttpUrl.optional(),
    rebuild: z.record(z.string(), RebuildTarget).default({}),
  })
  .strict();
export type RegistryTarget = z.infer<typeof RegistryTarget>;

export const RegistriesSection = z.array(RegistryTarget).default([]);
