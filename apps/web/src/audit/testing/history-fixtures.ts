// History test fixtures: projects with members made directly in the database, and audit entries
// inserted as rows (as the audit consumer would write them), so history reads are tested on their own.
import { randomUUID } from "node:crypto";
import type { Db, Prisma, ProjectRole } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";

export async function insertProject(db: Db, owner: TSessionUser, name: string, members: [TSessionUser, ProjectRole][] = []): Promise<string> {
  const id = randomUUID();
  await db.project.create({ data: { id, ownerId: owner.id, name } });
  await db.projectMember.createMany({
    data: [{ projectId: id, userId: owner.id, role: "OWNER" }, ...members.map(([user, role]) => ({ projectId: id, userId: user.id, role }))],
  });
  return id;
}

export async function insertTask(db: Db, creator: TSessionUser, projectId: string, title: string, id = randomUUID()): Promise<string> {
  const task = await db.task.create({ data: { id, userId: creator.id, projectId, title } });
  return task.id;
}

export interface HistoryRow {
  type: string;
  /** A user id, or a consumer's name ("recurrence"). */
  actor: string;
  /** The owning user (the event's partition key). */
  userId: string;
  projectId?: string | null;
  taskId?: string | null;
  occurredAt?: Date;
  snapshot?: object | null;
  previous?: object | null;
  diff?: { field: string; before: unknown; after: unknown }[];
  causationId?: string;
}

/** Inserts the rows, one second apart from `start` unless they say when; returns their ids. */
export async function insertHistory(db: Db, rows: HistoryRow[], start = new Date("2026-09-01T08:00:00Z")): Promise<string[]> {
  const data = rows.map((row, i) => {
    const eventId = randomUUID();
    return {
      id: randomUUID(),
      eventId,
      userId: row.userId,
      type: row.type,
      actor: row.actor,
      taskId: row.taskId ?? null,
      projectId: row.projectId ?? null,
      version: row.taskId ? i + 1 : null,
      occurredAt: row.occurredAt ?? new Date(start.getTime() + i * 1000),
      correlationId: eventId,
      causationId: row.causationId ?? eventId,
      previous: row.previous ?? undefined,
      snapshot: row.snapshot ?? undefined,
      diff: (row.diff ?? []) as Prisma.InputJsonValue,
    };
  });
  await db.auditEntry.createMany({ data });
  return data.map((row) => row.id);
}

export async function inboxOf(db: Db, user: TSessionUser): Promise<string> {
  const inbox = await db.project.findFirstOrThrow({ where: { ownerId: user.id, isInbox: true }, select: { id: true } });
  return inbox.id;
}
