// Writes outbox rows with plain node-postgres, one mutation = one transaction, the way the web
// app commits them (the task change itself is left out: both sides of the comparison skip it).
import type pg from "pg";
import { TOPICS, type TCloudEvent } from "@taskboard/events";

export async function commitOutboxRow(client: pg.PoolClient | pg.Client, event: TCloudEvent): Promise<void> {
  await commitOutboxRows(client, [event]);
}

/** Many rows in ONE transaction: a backlog that becomes visible to the relay at once, at COMMIT. */
export async function commitOutboxRows(client: pg.PoolClient | pg.Client, events: readonly TCloudEvent[]): Promise<void> {
  const columns = 5;
  await client.query("BEGIN");
  for (let start = 0; start < events.length; start += 500) {
    const chunk = events.slice(start, start + 500);
    const rows = chunk.map((_, i) => `(${Array.from({ length: columns }, (_, c) => `$${i * columns + c + 1}`).join(", ")})`);
    await client.query(
      `INSERT INTO outbox_events (id, topic, type, partition_key, event) VALUES ${rows.join(", ")}`,
      chunk.flatMap((event) => [event.id, TOPICS.taskEvents, event.type, event.partitionkey, JSON.stringify(event)]),
    );
  }
  await client.query("COMMIT");
}

/**
 * Runs `count` mutations at `perSecond` (0 = as fast as `connections` allow), returning each one's
 * commit latency and the instant its commit resolved.
 */
export async function paced(
  pool: pg.Pool,
  events: readonly TCloudEvent[],
  perSecond: number,
  connections: number,
  onCommitted: (event: TCloudEvent, committedAt: number, latencyMs: number) => void,
): Promise<number> {
  const started = performance.now();
  let next = 0;
  async function lane() {
    const client = await pool.connect();
    try {
      while (next < events.length) {
        const index = next++;
        if (perSecond > 0) {
          const due = started + (index * 1000) / perSecond;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
        const event = events[index];
        if (!event) break;
        const t0 = performance.now();
        await commitOutboxRow(client, event);
        const t1 = performance.now();
        onCommitted(event, t1, t1 - t0);
      }
    } finally {
      client.release();
    }
  }
  await Promise.all(Array.from({ length: connections }, lane));
  return performance.now() - started;
}
