import { z } from "zod";

export const StoreSection = z
  .object({
    sqlite: z.string().min(1).default("./data/switchboard.db"),
    /** Directory for files the store keeps outside the database (screenshots). */
    filesDir: z.string().min(1).optional(),
  })
  .strict()
  .prefault({});
export type StoreSection = z.infer<typeof StoreSection>;

export const MetricsSection = z.object({ tokenEnv: z.string().min(1) }).strict();
export type MetricsSection = z.infer<typeof MetricsSection>;

export const EmbedSection = z
  .object({ frameAncestors: z.array(z.url()).default([]) })
  .strict()
  .prefault({});
