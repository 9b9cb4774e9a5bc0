import { apiRoute } from "@/server/http";
import { listHeldLocks } from "@/server/services/audit/locks";
import { getDb } from "@/server/store/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute("viewer", async () => ({ locks: await listHeldLocks(await getDb()) }));
