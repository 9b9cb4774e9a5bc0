import { z } from "zod";

export const AuditFilter = z.object({
  user: z.string().max(200).optional(),
  action: z.string().max(200).optional(),
  result: z.enum(["start", "ok", "error", "denied", "rejected", "locked"]).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export interface AuditEntry {
  id: number;
  ts: string;
  actor: string;
  actorName: string;
  role: string;
  action: string;
  resource: string;
  result: string;
  runId: string;
  params: string;
  detail: string | null;
  errorCode: string | null;
  durationMs: number | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
  actions: string[];
}
