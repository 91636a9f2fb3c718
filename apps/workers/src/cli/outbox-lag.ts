// Operator command: how far the outbox relay is behind (npm run outbox:lag). Needs DATABASE_URL.
import { createDb, getOutboxLag, getOutboxFailures } from "@taskboard/db";
import { env } from "../env.ts";

const db = createDb(env.DATABASE_URL, { maxConnections: 1 });
try {
  const lag = await getOutboxLag(db);
  const { failing, lastError: last } = await getOutboxFailures(db);
  console.log(`unpublished events:   ${lag.pending}`);
  console.log(`oldest unpublished:   ${lag.oldestCreatedAt ? `${lag.oldestAgeSeconds.toFixed(1)} s ago (${lag.oldestCreatedAt.toISOString()})` : "-"}`);
  console.log(`with failed attempts: ${failing}`);
  if (last) console.log(`last relay error:     ${last.message} (attempts ${last.attempts})`);
} finally {
  await db.$disconnect();
}
