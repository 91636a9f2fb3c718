// The relay's control connection: holds the relay leadership (a session advisory lock) and
// LISTENs for the outbox trigger's hint. Postgres releases the lock the moment this session ends
// (process killed, host gone), so a standby replica takes over at its next poll. The leader also
// reads and marks outbox rows on this session (`query`): if it is gone, so is the leadership.
import type { SqlSession } from "@taskboard/db";
import pg from "pg";
import type { Logger } from "pino";

/**
 * The advisory lock (hashtext of this name) the leading relay holds. An operator session that
 * holds it pauses every replica's relay (docs/dapr.md, swapping the broker).
 */
export const RELAY_LEADER_LOCK = "taskboard:outbox-relay";
const CHANNEL = "outbox_events";

export interface RelayConnection {
  /** True while this process holds the leadership on a live session. */
  isLeader(): boolean;
  /** Tries to become the leader (connecting first if needed); returns whether it is. */
  tryLead(): Promise<boolean>;
  /** The leader's session, for the relay's reads and writes; fails when there is none. */
  session: SqlSession;
  close(): Promise<void>;
}

export function createRelayConnection(connectionString: string, log: Logger, onHint: () => void): RelayConnection {
  let client: pg.Client | undefined;
  let leader = false;
  let closed = false;

  function drop(reason: unknown) {
    if (leader) log.warn({ err: reason }, "outbox relay lost its control connection: leadership released");
    leader = false;
    const old = client;
    client = undefined;
    old?.end().catch(() => undefined);
  }

  async function connect(): Promise<pg.Client> {
    const next = new pg.Client({ connectionString, keepAlive: true, connectionTimeoutMillis: 5_000 });
    next.on("error", drop);
    next.on("end", () => {
      if (client === next) drop(new Error("connection ended"));
    });
    next.on("notification", () => onHint());
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
    return next;
  }

  return {
    isLeader: () => leader && client !== undefined,
    session: {
      async query(text, values) {
        if (!client || !leader) throw new Error("outbox relay is not the leader (no control session)");
        return client.query(text, values);
      },
    },
    async tryLead() {
      if (closed) return false;
      if (leader && client) return true;
      try {
        const session = client ?? (await connect());
        const { rows } = await session.query<{ locked: boolean }>(
          "SELECT pg_try_advisory_lock(hashtext($1)) AS locked",
          [RELAY_LEADER_LOCK],
        );
        leader = rows[0]?.locked === true;
        if (leader) log.info("outbox relay is the leader");
        return leader;
      } catch (error) {
        drop(error);
        return false;
      }
    },
    async close() {
      closed = true;
      leader = false;
      const old = client;
      client = undefined;
      // Ending the session releases the advisory lock.
      await old?.end().catch(() => undefined);
    },
  };
}
