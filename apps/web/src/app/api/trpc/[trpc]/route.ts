// The tRPC endpoint. Unexpected errors are logged here, once, with the procedure path.
import { getAuth } from "@/auth/server";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { logger } from "@/server/logger";
import { createTrpcHttpHandler } from "@/trpc/http-handler";

export const dynamic = "force-dynamic";

const handler = createTrpcHttpHandler({
  getDeps: () => ({ db: getDb(), auth: getAuth() }),
  appOrigin: () => new URL(env.APP_URL).origin,
  onError({ error, path, type }) {
    if (error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ err: error.cause ?? error, path, type }, "tRPC procedure failed");
    } else {
      logger.debug({ code: error.code, path, type, msg: error.message }, "tRPC procedure refused");
    }
  },
});

export { handler as GET, handler as POST };
