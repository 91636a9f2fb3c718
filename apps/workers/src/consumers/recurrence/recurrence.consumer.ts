/**
 * Recurrence: when an occurrence of a recurring series is completed, creates the series' next
 * task (create-next-occurrence.ts); when it is reopened, retracts that task again unless it
 * changed since (retract-next-occurrence.ts). Each in the runtime's transaction, with its events
 * caused by the completion or the reopen.
 */
import { TOPICS, taskCompleted, taskReopened } from "@taskboard/events";
import { defineConsumer } from "../../runtime/define-consumer.ts";
import { createNextOccurrence } from "./create-next-occurrence.ts";
import { RECURRENCE_SOURCE } from "./recurrence-source.ts";
import { retractNextOccurrence } from "./retract-next-occurrence.ts";

export { RECURRENCE_SOURCE };

/** Creates the next occurrence of a recurring task when one is completed, and retracts it when that one is reopened. */
export const recurrenceConsumer = defineConsumer({
  name: "recurrence",
  topic: TOPICS.taskEvents,
  events: [taskCompleted, taskReopened],
  async handle(event, context) {
    // Only the web completes and reopens tasks; never react to our own output (docs/invariants.md #6).
    if (event.source === RECURRENCE_SOURCE) return;
    if (event.type === taskCompleted.type) await createNextOccurrence(event, context);
    else await retractNextOccurrence(event, context);
  },
});
