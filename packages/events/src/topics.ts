import { z } from "zod";

export const TOPICS = {
  taskEvents: "task-events",
  reminders: "reminders",
  projectEvents: "project-events",
} as const;

export const ZTopicSchema = z.enum([TOPICS.taskEvents, TOPICS.reminders, TOPICS.projectEvents]);
export type TTopic = z.infer<typeof ZTopicSchema>;

/** Where a topic's poison and exhausted events go. */
export function deadLetterTopic(topic: TTopic): `${TTopic}-dlq` {
  return `${topic}-dlq`;
}
