/**
 * Sync: appends every task change to the change feed (user_changes, seq per person) of every
 * current member of the task's project, in the runtime's transaction, then, after the commit,
 * pushes it to each member's Socket.IO room (where the process runs one). A push lost to a crash,
 * or never made (a dead letter replayed from the CLI), is recovered by the browser's catch-up by
 * seq; a rolled-back change is never pushed; a duplicate delivery neither appends nor pushes (the
 * runtime's idempotency record).
 */
import { TASK_EVENT_DEFINITIONS, TOPICS } from "@taskboard/events";
import { defineConsumer } from "../../runtime/define-consumer.ts";
import { appendAndPush } from "../feed/append-and-push.ts";
import { taskFanOut } from "./task-fan-out.ts";

/** Appends each task change to its project members' feeds and pushes it to their open tabs. */
export const syncConsumer = defineConsumer({
  name: "sync",
  topic: TOPICS.taskEvents,
  events: TASK_EVENT_DEFINITIONS,
  async handle(event, { tx, publishAfterCommit }) {
    await appendAndPush(tx, publishAfterCommit, await taskFanOut(tx, [event]));
  },
  // A creator's backlog: one member lookup, one counter update and one insert per member, then
  // the pushes in seq order.
  async handleMany(events, { tx, publishAfterCommit }) {
    await appendAndPush(tx, publishAfterCommit, await taskFanOut(tx, events));
  },
});
