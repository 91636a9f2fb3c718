// One warn line per database outage rather than one per failed request: the first 503 is logged
// with its ids and the driver's error code, then, while 503s keep coming, one line every
// `intervalMs` with how many there were. A quiet interval ends the outage; the next 503 is logged
// in full again.
export interface WarnLogger {
  warn(fields: object, message: string): void;
}

export interface UnavailableCall {
  trace_id?: string;
  span_id?: string;
  userId?: string;
  path: string;
  type: string;
  /** Prisma/socket/SQLSTATE code or adapter kind (database-unavailable.ts: databaseErrorCode). */
  driverCode?: string;
}

export const UNAVAILABLE_LOG_INTERVAL_MS = 30_000;

export function createDatabaseUnavailableLog({ logger, intervalMs = UNAVAILABLE_LOG_INTERVAL_MS }: { logger: WarnLogger; intervalMs?: number }) {
  let open = false;
  let suppressed = 0;
  let lastDriverCode: string | undefined;

  const tick = () => {
    if (suppressed === 0) {
      open = false;
      return;
    }
    logger.warn(
      { code: "SERVICE_UNAVAILABLE", count: suppressed, seconds: intervalMs / 1000, driverCode: lastDriverCode },
      `database still unavailable: ${suppressed} more tRPC calls answered 503`,
    );
    suppressed = 0;
    schedule();
  };
  const schedule = () => setTimeout(tick, intervalMs).unref?.();

  return {
    report(call: UnavailableCall): void {
      lastDriverCode = call.driverCode;
      if (open) {
        suppressed += 1;
        return;
      }
      open = true;
      logger.warn({ ...call, code: "SERVICE_UNAVAILABLE" }, "database unavailable: tRPC call answered 503");
      schedule();
    },
  };
}
