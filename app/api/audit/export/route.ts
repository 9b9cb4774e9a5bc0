import { AuditFilter } from "@/lib/audit/types";
import { InvalidInput } from "@/server/errors";
import { apiRoute } from "@/server/http";
import { auditToCsv, listAudit } from "@/server/services/audit/list";
import { getDb } from "@/server/store/db";

export const dynamic = "force-dynamic";

/** CSV of the filtered log (newest first, up to 10 000 entries). */
export const GET = apiRoute("viewer", async (req) => {
  const parsed = AuditFilter.safeParse({ ...Object.fromEntries(req.nextUrl.searchParams), limit: 500 });
  if (!parsed.success) throw new InvalidInput({ query: parsed.error.issues.map((i) => i.message) });
  const db = await getDb();
  const all = [];
  let f = parsed.data;
  for (let i = 0; i < 20; i++) {
    const page = await listAudit(db, f);
    all.push(...page.entries);
    if (!page.nextBefore) break;
    f = { ...f, before: page.nextBefore };
  }
  return new Response(auditToCsv(all), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="switchboard-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
