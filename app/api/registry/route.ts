import { apiRoute } from "@/server/http";
import { listRegistries } from "@/server/services/registry/read-model";

export const dynamic = "force-dynamic";

export const GET = apiRoute("viewer", () => listRegistries());
