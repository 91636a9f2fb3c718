// Every task procedure (enumerated from the router, so a new one without a row fails the suite)
// against a task of a shared project, called by each kind of person (docs/projects.md,
// "Permissions"): the owner and an editor may read and write; a viewer may read, and a write is
// FORBIDDEN; a removed member and a stranger get NOT_FOUND, as for a task that does not exist.
// A refused call changes no task and writes no outbox row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import type { TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import { createSharedProject, removeMember, type TSharedProject } from "@/server/testing/shared-project";
import { callerFor, countOutbox, insertUser, openTestDatabase, must } from "@/server/testing/test-database";
import { appRouter } from "@/trpc/app-router";

type TCaller = ReturnType<typeof callerFor>;
type TRole = "owner" | "editor" | "viewer" | "removed" | "stranger";

interface TRow {
  need: "read" | "write";
  /** The task the call is about, made fresh by the owner for each call. */
  prepare: () => Promise<TTaskSnapshot>;
  call: (caller: TCaller, task: TTaskSnapshot) => Promise<unknown>;
  /** What a member who is not allowed, or not a member, is told. */
  notFound: "Task not found" | "Project not found";
}

let testDb: TestDatabase;
let project: TSharedProject;
let asOwner: TCaller;
const callers = {} as Record<TRole, TCaller>;

const openTask = () => asOwner.task.create({ title: "Matrix task", projectId: project.projectId });
const completedTask = async () => asOwner.task.complete({ id: (await openTask()).id });
const deletedTask = async () => asOwner.task.delete({ id: (await openTask()).id });

const ROWS: Record<string, TRow> = {
  "task.list": {
    need: "read",
    prepare: openTask,
    call: async (c) => (await c.task.list({ projectId: project.projectId, status: "ALL", limit: 100 })).items.length,
    notFound: "Project not found",
  },
  "task.get": { need: "read", prepare: openTask, call: (c, t) => c.task.get({ id: t.id }), notFound: "Task not found" },
  "task.create": {
    need: "write",
    prepare: openTask,
    call: (c) => c.task.create({ title: "Another", projectId: project.projectId }),
    notFound: "Project not found",
  },
  "task.update": {
    need: "write",
    prepare: openTask,
    call: (c, t) => c.task.update({ id: t.id, expectedVersion: t.version, patch: { title: "Changed" } }),
    notFound: "Task not found",
  },
  "task.reorder": {
    need: "write",
    prepare: openTask,
    call: (c, t) => c.task.reorder({ id: t.id, expectedVersion: t.version, position: 42 }),
    notFound: "Task not found",
  },
  "task.move": {
    need: "write",
    prepare: openTask,
    call: (c, t) => c.task.move({ id: t.id, expectedVersion: t.version, sectionId: must(project.sectionIds[0]), position: 1 }),
    notFound: "Task not found",
  },
  "task.complete": { need: "write", prepare: openTask, call: (c, t) => c.task.complete({ id: t.id }), notFound: "Task not found" },
  "task.reopen": { need: "write", prepare: completedTask, call: (c, t) => c.task.reopen({ id: t.id }), notFound: "Task not found" },
  "task.delete": { need: "write", prepare: openTask, call: (c, t) => c.task.delete({ id: t.id }), notFound: "Task not found" },
  "task.restore": { need: "write", prepare: deletedTask, call: (c, t) => c.task.restore({ id: t.id }), notFound: "Task not found" },
};

const ROLES: readonly TRole[] = ["owner", "editor", "viewer", "removed", "stranger"];

type TOutcome = "allowed" | "forbidden" | "not-found";

function expectedOutcome(role: TRole, need: TRow["need"]): TOutcome {
  if (role === "removed" || role === "stranger") return "not-found";
  if (role === "viewer" && need === "write") return "forbidden";
  return "allowed";
}

async function projectState() {
  const tasks = await testDb.db.task.findMany({ where: { projectId: project.projectId }, orderBy: { id: "asc" }, include: { tags: true } });
  return { tasks, outbox: await countOutbox(testDb.db) };
}

beforeAll(async () => {
  testDb = await openTestDatabase();
  const users = {} as Record<TRole, TSessionUser>;
  for (const role of ROLES) users[role] = await insertUser(testDb.db, role);
  project = await createSharedProject(
    testDb.db,
    users.owner,
    [
      { user: users.editor, role: "EDITOR" },
      { user: users.viewer, role: "VIEWER" },
      { user: users.removed, role: "EDITOR" },
    ],
    { sections: ["Todo"] },
  );
  await removeMember(testDb.db, { projectId: project.projectId, user: users.removed });
  // The stranger has projects of their own; only this one is not theirs.
  await createSharedProject(testDb.db, users.stranger, []);
  for (const role of ROLES) callers[role] = callerFor(testDb.db, users[role]);
  asOwner = callers.owner;
});
afterAll(() => testDb.drop());

describe("task procedures by role in a shared project", () => {
  it("has a row for every task procedure of the router", () => {
    const procedures = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("task.")).sort();
    expect(Object.keys(ROWS).sort()).toEqual(procedures);
  });

  const cases = Object.entries(ROWS).flatMap(([path, row]) => ROLES.map((role) => [path, role, expectedOutcome(role, row.need), row] as const));

  it.each(cases)("%s by the %s: %s", async (_path, role, outcome, row) => {
    const task = await row.prepare();
    const before = await projectState();
    const result = row.call(callers[role], task);
    if (outcome === "allowed") {
      await expect(result).resolves.toBeDefined();
      const after = await projectState();
      if (row.need === "write") expect(after.outbox).toBeGreaterThan(before.outbox);
      else expect(after).toEqual(before);
      return;
    }
    await expect(result).rejects.toMatchObject(
      outcome === "forbidden"
        ? { code: "FORBIDDEN", message: expect.stringMatching(/You can view this project but not change it/) }
        : { code: "NOT_FOUND", message: row.notFound },
    );
    expect(await projectState()).toEqual(before);
  });

  it("a viewer's list and get show the project's tasks; a removed member's and a stranger's lists show none of them", async () => {
    const task = await openTask();
    expect((await callers.viewer.task.get({ id: task.id })).title).toBe("Matrix task");
    expect((await callers.viewer.task.list({ projectId: project.projectId })).items.map((t) => t.id)).toContain(task.id);
    for (const role of ["removed", "stranger"] as const) {
      expect((await callers[role].task.list({ status: "ALL" })).items).toEqual([]);
    }
  });
});
