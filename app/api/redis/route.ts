import { apiRoute } from "@/server/http";
import { getRedisTopology } from "@/server/services/redis/read-model";

export const dynamic = "force-dynamic";

export const GET = apiRoute("viewer", () => getRedisTopology());
