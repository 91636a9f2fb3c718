// Readiness of the web app: 200 when the database answers, 503 with the reason when not.
import { getDb } from "@/server/db";
import { logger } from "@/server/logger";
import { checkReadiness } from "@/server/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const result = await checkReadiness(getDb());
  if (result.status !== "ready") logger.warn(result, "not ready");
  return Response.json(result, {
    status: result.status === "ready" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
