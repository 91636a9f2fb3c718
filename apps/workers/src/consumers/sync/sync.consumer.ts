/**
 * Sync: appends every task change to its owner's change feed (user_changes, seq per user) in the
 * runtime's transaction, then, after the commit, pushes it to the owner's Socket.IO room (where
 * the process runs one). A push lost to a crash, or never made (a dead letter replayed from the
 * CLI), is recovered by the browser's catch-up by seq; a rolled-back change is never pushed; a
 * duplicate delivery neither appends nor pushes (the runtime's idempotency record).
 */
import { appendUserChange, appendUserChanges } from "@taskboard/db";
import { TASK_EVENT_DEFINITIONS, TOPICS } from "@taskboard/events";
import { defineConsumer } from "../../runtime/define-consumer.ts";
import { PermanentError } from "../../runtime/errors.ts";
import { taskChangeOf } from "./task-change.ts";

/** Appends each task change to its owner's change feed and pushes it to their open tabs. */
export const syncConsumer = defineConsumer({
  name: "sync",
  topic: TOPICS.taskEvents,
  events: TASK_EVENT_DEFINITIONS,
  async handle(event, { tx, publishAfterCommit }) {
    const change = taskChangeOf(event.type, event.data.task);
    // The room is chosen from the data; a partition key naming someone else is a producer bug
    // that must not leak a task into another user's feed (docs/invariants.md #7).
    if (change.userId !== event.partitionkey) {
      throw new PermanentError(`event partitionkey ${event.partitionkey} is not the task's owner ${change.userId}`);
    }
    const row = await appendUserChange(tx, { ...change, payload: change.payload, eventId: event.id });
    publishAfterCommit(change.userId, {
      seq: row.seq,
      kind: row.kind,
      entityId: row.entityId,
      version: row.version,
      payload: change.payload,
    });
  },
  // A user's backlog: one counter update and one insert, then the pushes in seq order.
  async handleMany(events, { tx, publishAfterCommit }) {
    const changes = events.map((event) => {
      const change = taskChangeOf(event.type, event.data.task);
      if (change.userId !== event.partitionkey) {
        throw new PermanentError(`event partitionkey ${event.partitionkey} is not the task's owner ${change.userId}`);
      }
      return { ...change, eventId: event.id };
    });
    const seqs = await appendUserChanges(tx, changes);
    changes.forEach(({ userId, kind, entityId, version, payload }, index) =>
      publishAfterCommit(userId, { seq: seqs[index] ?? 0, kind, entityId, version, payload }),
    );
  },
});
