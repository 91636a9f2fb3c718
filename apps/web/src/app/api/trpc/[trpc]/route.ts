// The tRPC endpoint. Unexpected errors are logged here, once, with the procedure path.
import { getAuth } from "@/auth/server";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { logger } from "@/server/logger";
import { traceFieldsOfError } from "@/server/tracing/trace-context";
import { createTrpcHttpHandler } from "@/trpc/http-handler";

export const dynamic = "force-dynamic";

const handler = createTrpcHttpHandler({
  getDeps: () => ({ db: getDb(), auth: getAuth() }),
  appOrigin: () => new URL(env.APP_URL).origin,
  onError({ error, path, type, ctx }) {
    // Ids only (trace, user): never the input, which may hold a task's title or description.
    const ids = { ...traceFieldsOfError(error), userId: ctx?.user?.id };
    if (error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ ...ids, err: error.cause ?? error, path, type }, "tRPC procedure failed");
    } else {
      logger.debug({ ...ids, code: error.code, path, type, msg: error.message }, "tRPC procedure refused");
    }
  },
});

export { handler as GET, handler as POST };
