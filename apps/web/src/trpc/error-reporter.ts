// What the tRPC endpoint does with a failed call: count it (unless the procedure middleware
// already did) and log it. Unexpected errors at error; an unreachable database at warn, once per
// outage (database-unavailable-log.ts); every other refusal (validation, auth, not found) at
// debug. Ids only (trace, user) and the procedure's name: never the input, which may hold a
// task's title or description.
import type { TRPCError } from "@trpc/server";
import type { Logger } from "pino";
import { createDatabaseUnavailableLog } from "@/server/database-unavailable-log";
import { databaseErrorCode, isDatabaseUnavailableError } from "@/server/database-unavailable";
import type { WebMetrics } from "@/server/metrics/web-metrics";
import { traceFieldsOfError } from "@/server/tracing/trace-context";
import { appRouter } from "./app-router";
import { outcomeCode, wasMeasured } from "./procedure-metrics";

/** The label for paths that name no procedure: a caller controls the path, so it is never a label. */
export const UNKNOWN_PROCEDURE = "unknown";
const PROCEDURES = new Set(Object.keys(appRouter._def.procedures));
const TYPES = new Set(["query", "mutation", "subscription"]);

export function procedureLabel(path: string | undefined): string {
  return path !== undefined && PROCEDURES.has(path) ? path : UNKNOWN_PROCEDURE;
}

export interface FailedCall {
  error: TRPCError;
  path?: string;
  type: string;
  ctx?: { user?: { id: string } | null };
}

export interface ErrorReporterOptions {
  logger: Pick<Logger, "error" | "warn" | "debug">;
  metrics: WebMetrics;
  /** How often an ongoing database outage is summed up in the log (default 30 s). */
  unavailableLogIntervalMs?: number;
}

export function createTrpcErrorReporter({ logger, metrics, unavailableLogIntervalMs }: ErrorReporterOptions) {
  const unavailableLog = createDatabaseUnavailableLog({ logger, intervalMs: unavailableLogIntervalMs });
  return ({ error, path, type, ctx }: FailedCall): void => {
    const procedure = procedureLabel(path);
    const typeLabel = TYPES.has(type) ? type : UNKNOWN_PROCEDURE;
    if (!wasMeasured(error)) metrics.trpcRequests.inc({ procedure, type: typeLabel, code: outcomeCode(error) });

    const ids = { ...traceFieldsOfError(error), userId: ctx?.user?.id };
    if (error.code === "SERVICE_UNAVAILABLE" && isDatabaseUnavailableError(error.cause)) {
      metrics.databaseUnavailable.inc();
      unavailableLog.report({ ...ids, path: procedure, type: typeLabel, driverCode: databaseErrorCode(error.cause) });
    } else if (error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ ...ids, err: error.cause ?? error, path, type }, "tRPC procedure failed");
    } else {
      logger.debug({ ...ids, code: error.code, path, type, msg: error.message }, "tRPC procedure refused");
    }
  };
}
