/**
 * Sync: appends every task change to its owner's change feed (user_changes, seq per user) in the
 * runtime's transaction, then, after the commit, pushes it to the owner's Socket.IO room. A push
 * lost to a crash is recovered by the browser's catch-up by seq; a rolled-back change is never
 * pushed; a duplicate delivery neither appends nor pushes (the runtime's idempotency record).
 */
import { appendUserChange, appendUserChanges } from "@taskboard/db";
import { TASK_EVENT_DEFINITIONS, TOPICS } from "@taskboard/events";
import { defineConsumer } from "../../runtime/define-consumer.ts";
import { PermanentError } from "../../runtime/errors.ts";
import type { ChangePublisher } from "./change-publisher.ts";
import { taskChangeOf } from "./task-change.ts";

export function createSyncConsumer(publisher: ChangePublisher) {
  return defineConsumer({
    name: "sync",
    topic: TOPICS.taskEvents,
    events: TASK_EVENT_DEFINITIONS,
    async handle(event, { tx, afterCommit }) {
      const change = taskChangeOf(event.type, event.data.task);
      // The room is chosen from the data; a partition key naming someone else is a producer bug
      // that must not leak a task into another user's feed (invariant 7).
      if (change.userId !== event.partitionkey) {
        throw new PermanentError(`event partitionkey ${event.partitionkey} is not the task's owner ${change.userId}`);
      }
      const row = await appendUserChange(tx, { ...change, payload: change.payload, eventId: event.id });
      afterCommit(() =>
        publisher.emitToUser(change.userId, {
          seq: row.seq,
          kind: row.kind,
          entityId: row.entityId,
          version: row.version,
          payload: change.payload,
        }),
      );
    },
    // A user's backlog: one counter update and one insert, then the pushes in seq order.
    async handleMany(events, { tx, afterCommit }) {
      const changes = events.map((event) => {
        const change = taskChangeOf(event.type, event.data.task);
        if (change.userId !== event.partitionkey) {
          throw new PermanentError(`event partitionkey ${event.partitionkey} is not the task's owner ${change.userId}`);
        }
        return { ...change, eventId: event.id };
      });
      const seqs = await appendUserChanges(tx, changes);
      afterCommit(() =>
        changes.forEach(({ userId, kind, entityId, version, payload }, index) =>
          publisher.emitToUser(userId, { seq: seqs[index] ?? 0, kind, entityId, version, payload }),
        ),
      );
    },
  });
}
