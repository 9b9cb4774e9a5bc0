"use server";

import { z } from "zod";
import { runRegistryProbe } from "../services/registry/run-probe";
import { verifyImage } from "../services/registry/verify-image";
import { checkGcDryRun } from "../services/registry/gc-check";
import { defineAction } from "./define";

const name = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .max(100);
const repo = z
  .string()
  .regex(/^[a-z0-9]+(?:[._\/-][a-z0-9]+)*$/, "a repository name")
  .max(255);
const tag = z.string().regex(/^[\w][\w.-]{0,127}$/, "a tag");

/** Walks the whole registry now (the same probe the schedule runs). */
export const runRegistryProbeAction = defineAction(
  {
    name: "registry.runProbe",
    role: "operator",
    risk: "safe",
    input: z.object({ registry: name }).strict(),
    resource: (i) => `registry/${i.registry}`,
    lockKey: (i) => `registry/${i.registry}`,
    lockTtlMs: 10 * 60_000,
  },
  async (ctx, { registry }) => {
    const run = await runRegistryProbe(registry, `action:${ctx.actor.id}`, { signal: ctx.signal });
    return {
      runId: run.runId,
      status: run.status,
      failures: run.summary.failures,
      reason: run.summary.reason,
      joined: run.joined ?? false,
    };
  },
);

/** Deep-verifies one image (every blob fetched and hashed) and updates its findings. */
export const verifyRegistryImageAction = defineAction(
  {
    name: "registry.verifyImage",
    role: "operator",
    risk: "safe",
    input: z.object({ registry: name, repo, tag }).strict(),
    resource: (i) => `registry/${i.registry}/${i.repo}:${i.tag}`,
    lockKey: (i) => `registry/${i.registry}/${i.repo}:${i.tag}`,
  },
  async (ctx, input) => {
    const r = await verifyImage({ ...input, mode: "deep", trigger: `action:${ctx.actor.id}` });
    return { status: r.status, runId: r.runId, findings: r.findings.length };
  },
);

/** GC pre-flight: the pasted dry-run output (or the configured file) against the live tagged indexes. */
export const checkRegistryGcAction = defineAction(
  {
    name: "registry.checkGc",
    role: "operator",
    risk: "safe",
    input: z
      .object({
        registry: name,
        text: z.string().max(1_000_000, "paste at most 1 MB; configure gcDryRunFile for larger outputs").optional(),
      })
      .strict(),
    resource: (i) => `registry/${i.registry}/gc`,
    lockKey: (i) => `registry/${i.registry}/gc`,
  },
  async (ctx, input) => checkGcDryRun(input.registry, { text: input.text, trigger: `action:${ctx.actor.id}` }),
);
