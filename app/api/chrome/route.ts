import { apiRoute } from "@/server/http";
import { getChromeOverview } from "@/server/services/chrome/overview";

export const dynamic = "force-dynamic";

export const GET = apiRoute("viewer", () => getChromeOverview());
