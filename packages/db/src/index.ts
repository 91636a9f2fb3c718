// The database package: Prisma client, generated types and the queries both apps share.
export { createDb, type Db, type Tx, type CreateDbOptions } from "./client.ts";
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export type * from "./generated/prisma/models.ts";
export { TaskStatus, TaskPriority, RecurrenceMode, ProjectRole, ProjectView, InvitationStatus } from "./generated/prisma/enums.ts";
export * from "./queries/outbox.ts";
export * from "./queries/outbox-relay.ts";
export * from "./queries/processed-events.ts";
export * from "./queries/dead-letters.ts";
export * from "./queries/tasks.ts";
export * from "./queries/task-list.ts";
export * from "./queries/tags.ts";
export * from "./queries/user-changes.ts";
export * from "./queries/task-snapshot.ts";
export * from "./queries/audit.ts";
export * from "./queries/notifications.ts";
export * from "./queries/reminders.ts";
export * from "./queries/recurrence.ts";
export * from "./queries/project-access.ts";
