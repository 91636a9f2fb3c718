// Recognises "the database cannot be reached right now" among the errors a procedure or the
// session lookup can throw, so the API answers 503 with a message a person can act on instead of
// a 500. Shapes seen in practice (walked through `cause` chains, e.g. better-auth wrapping Prisma):
// - Prisma with @prisma/adapter-pg: PrismaClientKnownRequestError P1001 (can't reach), P1002
//   (timed out), P1017 (server closed the connection), P2024 (pool timeout), and for raw queries
//   P2010 whose `meta.driverAdapterError.cause.kind` says DatabaseNotReachable / ConnectionClosed…
// - node-postgres: a socket error (ECONNREFUSED, ECONNRESET…), "Connection terminated
//   unexpectedly", or a server code of class 08 (connection exception) or 57P01-57P03 (shutdown,
//   crash, cannot connect now), also when the adapter passes it on as `{ kind: "postgres", code }`
//   ("the database system is shutting down" while PostgreSQL stops); "Client has encountered a
//   connection error and is not queryable" for a pooled connection cut while idle (seen just after
//   PostgreSQL came back, in `npm run chaos`).
// - Every pooled connection busy for longer than the transaction's maxWait (a burst of writes on a
//   saturated machine): Prisma's P2028 "Unable to start a transaction in the given time", the
//   interactive-transaction twin of P2024. Only that P2028: the code also names other
//   transaction misuse, which stays a 500.
export const DATABASE_UNAVAILABLE_MESSAGE =
  "The database is unavailable right now. Your change was not saved; try again in a moment.";

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const PG_SERVER_CODES = new Set(["57P01", "57P02", "57P03"]);
const MESSAGES = [
  /connection terminated/i,
  /can't reach database server/i,
  /server (has )?closed the connection/i,
  /timed out fetching a new connection/i,
  // node-postgres, for a pooled connection the server cut while it was idle (first use after a restart).
  /client has encountered a connection error and is not queryable/i,
  /client was closed and is not queryable/i,
  /unable to start a transaction in the given time/i,
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A driver adapter error's cause: a connection kind, or a server error of class 08 / 57P0x. */
function isAdapterUnavailable(cause: Record<string, unknown>): boolean {
  if (typeof cause.kind === "string" && ADAPTER_KINDS.has(cause.kind)) return true;
  const code = typeof cause.code === "string" ? cause.code : "";
  return cause.kind === "postgres" && (PG_SERVER_CODES.has(code) || /^08/.test(code));
}

export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (!isRecord(error) || depth > 8) return false;
  const code = typeof error.code === "string" ? error.code : undefined;
  if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || PG_SERVER_CODES.has(code) || /^08/.test(code))) return true;
  const meta = isRecord(error.meta) ? error.meta : undefined;
  const adapterError = meta && isRecord(meta.driverAdapterError) ? meta.driverAdapterError : undefined;
  const adapterCause = adapterError && isRecord(adapterError.cause) ? adapterError.cause : undefined;
  if (adapterCause && isAdapterUnavailable(adapterCause)) return true;
  if (error.name === "DriverAdapterError" && isRecord(error.cause) && isAdapterUnavailable(error.cause)) return true;
  const message = typeof error.message === "string" ? error.message : "";
  if (MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (Array.isArray(error.errors)) return error.errors.some((inner) => isDatabaseUnavailableError(inner, depth + 1));
  return isDatabaseUnavailableError(error.cause, depth + 1);
}

/**
 * The driver's code for an unavailability error, for the logs: a Prisma code (P1001), a socket
 * code (ECONNREFUSED), a PostgreSQL SQLSTATE (57P01) or the adapter's kind (DatabaseNotReachable).
 * Never the message, which may quote a query. Undefined when none is found.
 */
export function databaseErrorCode(error: unknown, depth = 0): string | undefined {
  if (!isRecord(error) || depth > 8) return undefined;
  const code = typeof error.code === "string" ? error.code : undefined;
  if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || PG_SERVER_CODES.has(code) || /^08/.test(code))) return code;
  const meta = isRecord(error.meta) ? error.meta : undefined;
  const adapterError = meta && isRecord(meta.driverAdapterError) ? meta.driverAdapterError : undefined;
  const adapterCause = adapterError && isRecord(adapterError.cause) ? adapterError.cause : error.name === "DriverAdapterError" && isRecord(error.cause) ? error.cause : undefined;
  if (adapterCause && isAdapterUnavailable(adapterCause)) {
    return adapterCause.kind === "postgres" ? String(adapterCause.code) : String(adapterCause.kind);
  }
  if (Array.isArray(error.errors)) {
    for (const inner of error.errors) {
      const found = databaseErrorCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return databaseErrorCode(error.cause, depth + 1);
}
