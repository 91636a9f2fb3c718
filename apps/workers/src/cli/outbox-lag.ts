// Operator command: how far the outbox relay is behind (npm run outbox:lag). Needs DATABASE_URL.
import { createDb, getOutboxLag } from "@taskboard/db";
import { env } from "../env.ts";

const db = createDb(env.DATABASE_URL, { maxConnections: 1 });
try {
  const lag = await getOutboxLag(db);
  const failing = await db.outboxEvent.count({ where: { publishedAt: null, attempts: { gt: 0 } } });
  const last = await db.outboxEvent.findFirst({
    where: { publishedAt: null, lastError: { not: null } },
    orderBy: { sequence: "asc" },
    select: { lastError: true, attempts: true },
  });
  console.log(`unpublished events:   ${lag.pending}`);
  console.log(`oldest unpublished:   ${lag.oldestCreatedAt ? `${lag.oldestAgeSeconds.toFixed(1)} s ago (${lag.oldestCreatedAt.toISOString()})` : "-"}`);
  console.log(`with failed attempts: ${failing}`);
  if (last) console.log(`last relay error:     ${last.lastError} (attempts ${last.attempts})`);
} finally {
  await db.$disconnect();
}
