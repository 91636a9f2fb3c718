/** Logs every task event (type, task, user, event id), so one can watch events flow. */
import { TASK_EVENT_DEFINITIONS, TOPICS } from "@taskboard/events";
import { defineConsumer } from "../../runtime/define-consumer.ts";

export const logConsumer = defineConsumer({
  name: "log",
  topic: TOPICS.taskEvents,
  events: TASK_EVENT_DEFINITIONS,
  async handle(event, { log }) {
    // The runtime's logger already carries trace_id, eventId, eventType, userId and attempt.
    log.info({ taskId: event.subject, version: event.data.task.version }, `event ${event.type}`);
  },
});
