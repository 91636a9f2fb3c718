// docs/projects.md "Permissions" as a matrix: every project.*, section.* and member.* procedure
// (enumerated from the router, so a new one without a row fails the suite) called by the owner,
// an editor, a viewer, a removed member and a stranger. Strangers and removed members get
// NOT_FOUND (the same answer as for an id that does not exist), viewers FORBIDDEN on writes,
// editors FORBIDDEN on the owner's changes; a refused call changes nothing and writes no outbox row.
import { randomUUID } from "node:crypto";
import type { TestDatabase } from "@taskboard/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember } from "@/projects/testing/project-members";
import type { TSessionUser } from "@/server/session-user";
import { callerFor, insertUser, openTestDatabase } from "@/server/testing/test-database";
import { appRouter } from "@/trpc/app-router";

type TCaller = ReturnType<typeof callerFor>;
const ROLES = ["owner", "editor", "viewer", "removed", "stranger"] as const;
type TRole = (typeof ROLES)[number];
type TOutcome = "ok" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST";

interface TFixture {
  projectId: string;
  sectionId: string;
  taskId: string;
  /** A pending invitation to someone who is none of the five. */
  invitationId: string;
}

const ANYONE: Record<TRole, TOutcome> = { owner: "ok", editor: "ok", viewer: "ok", removed: "ok", stranger: "ok" };
const READ: Record<TRole, TOutcome> = { owner: "ok", editor: "ok", viewer: "ok", removed: "NOT_FOUND", stranger: "NOT_FOUND" };
const WRITE: Record<TRole, TOutcome> = { ...READ, viewer: "FORBIDDEN" };
const MANAGE: Record<TRole, TOutcome> = { ...WRITE, editor: "FORBIDDEN" };
/** Another person's invitation: nobody but its invitee may answer it. */
const INVITEE_ONLY: Record<TRole, TOutcome> = { owner: "NOT_FOUND", editor: "NOT_FOUND", viewer: "NOT_FOUND", removed: "NOT_FOUND", stranger: "NOT_FOUND" };
/** Any member but the owner, who transfers ownership first. */
const LEAVE: Record<TRole, TOutcome> = { ...READ, owner: "BAD_REQUEST" };

let testDb: TestDatabase;
const users = {} as Record<TRole, TSessionUser>;
const callers = {} as Record<TRole, TCaller>;

const MATRIX: Record<string, { who: Record<TRole, TOutcome>; call: (c: TCaller, f: TFixture) => Promise<unknown> }> = {
  "project.list": { who: ANYONE, call: (c) => c.project.list() },
  "project.get": { who: READ, call: (c, f) => c.project.get({ id: f.projectId }) },
  "project.create": { who: ANYONE, call: (c) => c.project.create({ name: "Mine" }) },
  "project.update": { who: MANAGE, call: (c, f) => c.project.update({ id: f.projectId, expectedVersion: 1, patch: { name: "Renamed" } }) },
  "project.archive": { who: MANAGE, call: (c, f) => c.project.archive({ id: f.projectId }) },
  "project.unarchive": { who: MANAGE, call: (c, f) => c.project.unarchive({ id: f.projectId }) },
  "project.delete": { who: MANAGE, call: (c, f) => c.project.delete({ id: f.projectId }) },
  "project.restore": { who: MANAGE, call: (c, f) => c.project.restore({ id: f.projectId }) },
  "project.reorder": { who: READ, call: (c, f) => c.project.reorder({ id: f.projectId, position: 7 }) },
  "project.setView": { who: READ, call: (c, f) => c.project.setView({ id: f.projectId, view: "KANBAN" }) },
  "section.list": { who: READ, call: (c, f) => c.section.list({ projectId: f.projectId }) },
  "section.create": { who: WRITE, call: (c, f) => c.section.create({ projectId: f.projectId, name: "Column" }) },
  "section.update": { who: WRITE, call: (c, f) => c.section.update({ id: f.sectionId, expectedVersion: 1, patch: { name: "Renamed" } }) },
  "section.delete": { who: WRITE, call: (c, f) => c.section.delete({ id: f.sectionId, tasks: { action: "deleted" } }) },
  "member.list": { who: READ, call: (c, f) => c.member.list({ projectId: f.projectId }) },
  "member.invite": { who: MANAGE, call: (c, f) => c.member.invite({ projectId: f.projectId, email: `new-${randomUUID()}@example.test`, role: "VIEWER" }) },
  "member.revokeInvitation": { who: MANAGE, call: (c, f) => c.member.revokeInvitation({ invitationId: f.invitationId }) },
  "member.myInvitations": { who: ANYONE, call: (c) => c.member.myInvitations() },
  "member.acceptInvitation": { who: INVITEE_ONLY, call: (c, f) => c.member.acceptInvitation({ invitationId: f.invitationId }) },
  "member.declineInvitation": { who: INVITEE_ONLY, call: (c, f) => c.member.declineInvitation({ invitationId: f.invitationId }) },
  "member.changeRole": { who: MANAGE, call: (c, f) => c.member.changeRole({ projectId: f.projectId, userId: users.editor.id, role: "VIEWER" }) },
  "member.remove": { who: MANAGE, call: (c, f) => c.member.remove({ projectId: f.projectId, userId: users.editor.id }) },
  "member.leave": { who: LEAVE, call: (c, f) => c.member.leave({ projectId: f.projectId }) },
  "member.transferOwnership": { who: MANAGE, call: (c, f) => c.member.transferOwnership({ projectId: f.projectId, userId: users.editor.id }) },
};

/** A project with an editor, a viewer, a member who was removed, a section, a task and a pending invitation. */
async function freshFixture(): Promise<TFixture> {
  const owner = callers.owner;
  const projectId = (await owner.project.create({ name: "Shared secret project" })).id;
  await addMember(testDb.db, { owner: users.owner, projectId, member: users.editor, role: "EDITOR" });
  await addMember(testDb.db, { owner: users.owner, projectId, member: users.viewer, role: "VIEWER" });
  await addMember(testDb.db, { owner: users.owner, projectId, member: users.removed, role: "EDITOR" });
  await owner.member.remove({ projectId, userId: users.removed.id });
  const sectionId = (await owner.section.create({ projectId, name: "Secret column" })).id;
  const taskId = (await owner.task.create({ title: "Secret task", projectId, sectionId, assigneeId: users.editor.id })).id;
  const invitationId = (await owner.member.invite({ projectId, email: `invitee-${randomUUID()}@example.test`, role: "EDITOR" })).id;
  return { projectId, sectionId, taskId, invitationId };
}

/** Everything of the project a call could change, and the whole outbox. */
async function stateOf(f: TFixture) {
  const db = testDb.db;
  const where = { projectId: f.projectId };
  return {
    project: await db.project.findUnique({ where: { id: f.projectId } }),
    members: await db.projectMember.findMany({ where, orderBy: { userId: "asc" } }),
    invitations: await db.projectInvitation.findMany({ where, orderBy: { id: "asc" } }),
    sections: await db.section.findMany({ where, orderBy: { id: "asc" } }),
    tasks: await db.task.findMany({ where, orderBy: { id: "asc" } }),
    outbox: await db.outboxEvent.count(),
  };
}

function outcomeOf(promise: Promise<unknown>) {
  return promise.then(
    (value) => ({ code: "ok" as const, value }),
    (error: { code?: string; message?: string }) => ({ code: error.code, message: error.message }),
  );
}

const paths = Object.keys(appRouter._def.procedures)
  .filter((path) => /^(project|section|member)\./.test(path))
  .sort();
const cases = paths.flatMap((path) => ROLES.map((role) => ({ path, role, expected: MATRIX[path]?.who[role] })));
let shared: TFixture;

beforeAll(async () => {
  testDb = await openTestDatabase();
  for (const role of ROLES) {
    users[role] = await insertUser(testDb.db, role[0]?.toUpperCase() + role.slice(1));
    callers[role] = callerFor(testDb.db, users[role]);
  }
  shared = await freshFixture();
});
afterAll(() => testDb.drop());

describe("the projects authorization matrix covers every project, section and member procedure", () => {
  it("has a row for each of them and none for a procedure that does not exist", () => {
    expect(paths.length).toBeGreaterThanOrEqual(24);
    expect(Object.keys(MATRIX).sort()).toEqual(paths);
  });
});

describe("owner / editor / viewer / removed member / stranger", () => {
  it.each(cases)("$path by the $role: $expected", async ({ path, role, expected }) => {
    const row = MATRIX[path];
    if (!row || !expected) throw new Error(`${path} has no row in the projects authorization matrix: add one`);
    // A call that succeeds gets a project of its own; a refused one must leave the shared one as it was.
    const fixture = expected === "ok" ? await freshFixture() : shared;
    const before = await stateOf(fixture);
    const outcome = await outcomeOf(row.call(callers[role], fixture));
    expect(outcome).toMatchObject({ code: expected });
    if (expected === "ok") {
      if (role === "removed" || role === "stranger") expect(JSON.stringify(outcome)).not.toContain(fixture.projectId);
      return;
    }
    expect(await stateOf(fixture)).toEqual(before);
    if (expected === "NOT_FOUND") {
      // No existence leak: the answer is the one for ids that do not exist.
      const missing = await outcomeOf(row.call(callers[role], { projectId: randomUUID(), sectionId: randomUUID(), taskId: randomUUID(), invitationId: randomUUID() }));
      expect(missing).toEqual(outcome);
    }
    if (expected === "FORBIDDEN") expect("message" in outcome && outcome.message).toMatch(/owner|viewer/);
  });
});

describe("what a removed member and a stranger can still reach", () => {
  it("neither sees the project, its sections, members or tasks anywhere", async () => {
    for (const role of ["removed", "stranger"] as const) {
      const text = JSON.stringify([
        await callers[role].project.list(),
        await callers[role].member.myInvitations(),
        await callers[role].task.list({ status: "ALL" }),
      ]);
      for (const id of [shared.projectId, shared.sectionId, shared.taskId, shared.invitationId]) expect(text).not.toContain(id);
    }
  });
});
