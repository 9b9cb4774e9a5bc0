import { AuditFilter } from "@/lib/audit/types";
import { InvalidInput } from "@/server/errors";
import { apiRoute } from "@/server/http";
import { listAudit } from "@/server/services/audit/list";
import { getDb } from "@/server/store/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute("viewer", async (req) => {
  const parsed = AuditFilter.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) throw new InvalidInput({ query: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
  return listAudit(await getDb(), parsed.data);
});
