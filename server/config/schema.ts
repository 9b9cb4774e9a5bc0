import { z } from "zod";
import { AuthSection } from "./sections/auth";
import { ChromeSection } from "./sections/chrome";
import { CiSection } from "./sections/ci";
import { RedisSection } from "./sections/redis";
import { RegistriesSection } from "./sections/registry";
import { EmbedSection, MetricsSection, StoreSection } from "./sections/store";

export const ConfigSchema = z
  .object({
    auth: AuthSection,
    store: StoreSection,
    metrics: MetricsSection.optional(),
    chrome: ChromeSection,
    registries: RegistriesSection,
    redis: RedisSection,
    ci: CiSection,
    embed: EmbedSection,
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const seen = new Set<string>();
    cfg.registries.forEach((r, i) => {
      if (seen.has(r.name))
        ctx.addIssue({ code: "custom", path: ["registries", i, "name"], message: `duplicate registry name "${r.name}"` });
      seen.add(r.name);
    });
    const clusters = new Set<string>();
    cfg.redis.clusters.forEach((c, i) => {
      if (clusters.has(c.name))
        ctx.addIssue({ code: "custom", path: ["redis", "clusters", i, "name"], message: `duplicate cluster name "${c.name}"` });
      clusters.add(c.name);
    });
    const checks = new Set<string>();
    cfg.chrome.checks.forEach((c, i) => {
      if (checks.has(c.name))
        ctx.addIssue({ code: "custom", path: ["chrome", "checks", i, "name"], message: `duplicate check name "${c.name}"` });
      checks.add(c.name);
    });
  });
export type Config = z.infer<typeof ConfigSchema>;
