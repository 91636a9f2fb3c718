// The tRPC endpoint. Failed calls are counted and logged here, once, with the procedure path
// (trpc/error-reporter.ts).
import { getAuth } from "@/auth/server";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { logger } from "@/server/logger";
import { getWebMetrics } from "@/server/metrics/web-metrics";
import { createTrpcErrorReporter } from "@/trpc/error-reporter";
import { createTrpcHttpHandler } from "@/trpc/http-handler";

export const dynamic = "force-dynamic";

const handler = createTrpcHttpHandler({
  getDeps: () => ({ db: getDb(), auth: getAuth() }),
  appOrigin: () => new URL(env.APP_URL).origin,
  onError: createTrpcErrorReporter({ logger, metrics: getWebMetrics() }),
});

export { handler as GET, handler as POST };
