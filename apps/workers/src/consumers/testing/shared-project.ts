// Shared projects for consumer tests: people, a project with members, and the project and task
// events the web writes about them (actorid set, project events keyed by the project), without
// the web app. Rows are written directly: tests may seed the database.
import { randomUUID } from "node:crypto";
import { findProjectSnapshot, type Db } from "@taskboard/db";
import {
  createEvent,
  type EventData,
  type EventDefinition,
  type TCloudEvent,
  type TMemberSnapshot,
  type TProjectRole,
  type TProjectSnapshot,
  type TTaskSnapshot,
} from "@taskboard/events";
import { sampleTask } from "@taskboard/events/contract";
import { insertUser, must, WEB_SOURCE } from "./consumer-harness.ts";

export interface Person {
  id: string;
  name: string;
  email: string;
}

export async function person(db: Db, name: string): Promise<Person> {
  const id = await insertUser(db, name);
  const row = must(await db.user.findUnique({ where: { id }, select: { email: true } }), "the user");
  return { id, name, email: row.email };
}

/** A project owned by `owner`, with the owner as its one member. */
export async function sharedProject(db: Db, owner: Person, name = "Household"): Promise<TProjectSnapshot> {
  const id = randomUUID();
  await db.project.create({ data: { id, ownerId: owner.id, name } });
  await db.projectMember.create({ data: { projectId: id, userId: owner.id, role: "OWNER" } });
  return must(await findProjectSnapshot(db, id), "the project");
}

export async function join(db: Db, project: { id: string }, who: Person, role: TProjectRole = "EDITOR"): Promise<TMemberSnapshot> {
  const row = await db.projectMember.create({ data: { projectId: project.id, userId: who.id, role } });
  return { projectId: project.id, userId: who.id, name: who.name, email: who.email, role, joinedAt: row.joinedAt.toISOString() };
}

export async function leave(db: Db, member: TMemberSnapshot): Promise<void> {
  await db.projectMember.delete({ where: { projectId_userId: { projectId: member.projectId, userId: member.userId } } });
}

/** A project event as the web writes it: keyed by the project, naming who acted. */
export function projectEvent<TDef extends EventDefinition>(
  definition: TDef,
  projectId: string,
  actor: Person,
  data: EventData<TDef>,
): TCloudEvent<TDef["type"], EventData<TDef>> {
  return createEvent(definition, { data, subject: projectId, partitionKey: projectId, actorId: actor.id, source: WEB_SOURCE });
}

/** A task event about a task of `creator`'s in the project, made by `actor`. */
export function taskEvent<TDef extends EventDefinition>(
  definition: TDef,
  actor: Person,
  data: EventData<TDef> & { task: TTaskSnapshot },
): TCloudEvent<TDef["type"], EventData<TDef>> {
  return createEvent(definition, { data, subject: data.task.id, partitionKey: data.task.userId, actorId: actor.id, source: WEB_SOURCE });
}

export function taskIn(project: { id: string }, creator: Person, overrides: Partial<TTaskSnapshot> = {}): TTaskSnapshot {
  return sampleTask(creator.id, { projectId: project.id, sectionId: null, assigneeId: null, ...overrides });
}
