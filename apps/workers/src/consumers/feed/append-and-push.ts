// Appends feed changes that may concern several people, in the runtime's transaction, and pushes
// each to its person's room after the commit. appendUserChanges takes one person at a time and
// locks their counter row: the people are taken in a fixed (sorted) order, so two transactions
// appending to the same people never wait on each other in a cycle. Each person's changes keep
// their order, so their seqs follow the order of the events.
import { appendUserChanges, type Prisma, type Tx } from "@taskboard/db";
import type { TUserChangeMessage } from "@taskboard/realtime";
import type { ConsumerContext } from "../../runtime/define-consumer.ts";
import type { FeedChange } from "./feed-change.ts";

export async function appendAndPush(
  tx: Tx,
  publishAfterCommit: ConsumerContext["publishAfterCommit"],
  changes: readonly FeedChange[],
): Promise<void> {
  const byUser = new Map<string, FeedChange[]>();
  for (const change of changes) byUser.set(change.userId, [...(byUser.get(change.userId) ?? []), change]);
  for (const userId of [...byUser.keys()].sort()) {
    const own = byUser.get(userId) ?? [];
    const seqs = await appendUserChanges(
      tx,
      own.map((change) => ({ ...change, payload: change.payload as Prisma.InputJsonValue })),
    );
    own.forEach(({ kind, entityId, version, payload }, index) =>
      // kind and payload come from one FeedChange, so they agree; TS cannot follow the pair through the spread.
      publishAfterCommit(userId, { seq: seqs[index] ?? 0, kind, entityId, version, payload } as TUserChangeMessage),
    );
  }
}
