// The Prisma client over node-postgres (driver adapter: no native query engine at run time).
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "./generated/prisma/client.ts";

export type Db = PrismaClient;
/** What a query function accepts: the client itself or an interactive transaction. */
export type Tx = Prisma.TransactionClient | PrismaClient;

export interface CreateDbOptions {
  /** Upper bound of pooled connections for this process. */
  maxConnections?: number;
  /** Called with every statement the client sends (tests that count a procedure's round trips). */
  onQuery?: (sql: string) => void;
}

export function createDb(databaseUrl: string, options: CreateDbOptions = {}): Db {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    // Fail fast while the database is down instead of queueing requests without bound.
    connectionTimeoutMillis: 5_000,
  });
  // An interactive transaction waits for a pooled connection as long as a plain query does
  // (connectionTimeoutMillis), instead of Prisma's default 2 s: under a burst (50 clients on a
  // pool of 10) a create queues briefly rather than failing with P2028 as a 500.
  const onQuery = options.onQuery;
  if (!onQuery) return new PrismaClient({ adapter, transactionOptions: { maxWait: 5_000 } });
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 5_000 }, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client;
}
