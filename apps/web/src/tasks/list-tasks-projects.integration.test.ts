// task.list in a world of shared projects: across all of a person's live projects, or inside one
// (archived ones too), by section and by assignee, with search and keyset pages working in both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import type { TSessionUser } from "@/server/session-user";
import { createSharedProject, type TSharedProject } from "@/server/testing/shared-project";
import { callerFor, insertUser, openTestDatabase, must } from "@/server/testing/test-database";
import { TASK_SORTS, type TListTasksInput } from "./list-tasks.schema";

let testDb: TestDatabase;
let olga: TSessionUser;
let ed: TSessionUser;
let asOlga: ReturnType<typeof callerFor>;
let asEd: ReturnType<typeof callerFor>;
/** Olga's, shared with Ed: sections Todo and Doing. */
let shared: TSharedProject;
let archived: TSharedProject;
let deleted: TSharedProject;
let strangers: TSharedProject;

const P_OPEN = ["p doing", "p loose", "p todo 1", "p todo 2"];

beforeAll(async () => {
  testDb = await openTestDatabase();
  olga = await insertUser(testDb.db, "Olga");
  ed = await insertUser(testDb.db, "Ed");
  const stan = await insertUser(testDb.db, "Stan");
  asOlga = callerFor(testDb.db, olga);
  asEd = callerFor(testDb.db, ed);
  const members = [{ user: ed, role: "EDITOR" as const }];
  shared = await createSharedProject(testDb.db, olga, members, { sections: ["Todo", "Doing"] });
  archived = await createSharedProject(testDb.db, olga, members);
  deleted = await createSharedProject(testDb.db, olga, members);
  strangers = await createSharedProject(testDb.db, stan, []);
  const [todo, doing] = shared.sectionIds;
  const projectId = shared.projectId;

  await asOlga.task.create({ title: "p todo 1", projectId, sectionId: todo, assigneeId: ed.id });
  await asEd.task.create({ title: "p todo 2", projectId, sectionId: todo, assigneeId: olga.id });
  await asOlga.task.create({ title: "p doing", projectId, sectionId: doing });
  await asEd.task.create({ title: "p loose", projectId, assigneeId: ed.id });
  await asOlga.task.complete({ id: (await asOlga.task.create({ title: "p done", projectId, assigneeId: ed.id })).id });
  await asOlga.task.create({ title: "olga inbox" });
  await asEd.task.create({ title: "ed inbox" });
  await asOlga.task.create({ title: "archived task", projectId: archived.projectId });
  await asOlga.task.create({ title: "deleted project task", projectId: deleted.projectId });
  await callerFor(testDb.db, stan).task.create({ title: "stan's todo", projectId: strangers.projectId });
  await testDb.db.project.update({ where: { id: archived.projectId }, data: { archivedAt: new Date() } });
  await testDb.db.project.update({ where: { id: deleted.projectId }, data: { deletedAt: new Date() } });
});
afterAll(() => testDb.drop());

async function titles(caller: ReturnType<typeof callerFor>, input: TListTasksInput) {
  return (await caller.task.list({ sort: "title", ...input })).items.map((t) => t.title);
}

async function allPages(input: TListTasksInput) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const result = await asEd.task.list({ ...input, cursor, limit: 2 });
    seen.push(...result.items.map((t) => t.title));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return seen;
}

describe("across all projects", () => {
  it("lists the tasks of every live, unarchived project the person is in, whoever created them", async () => {
    expect(await titles(asEd, {})).toEqual(["ed inbox", ...P_OPEN]);
    expect(await titles(asOlga, {})).toEqual(["olga inbox", ...P_OPEN]);
  });

  it("searches and filters across projects", async () => {
    expect(await titles(asEd, { search: "TODO" })).toEqual(["p todo 1", "p todo 2"]);
    expect(await titles(asEd, { status: "COMPLETED" })).toEqual(["p done"]);
  });

  it("assignedToMe: the tasks assigned to the signed-in person, in any project", async () => {
    expect(await titles(asEd, { assignedToMe: true })).toEqual(["p loose", "p todo 1"]);
    expect(await titles(asEd, { assignedToMe: true, status: "ALL" })).toEqual(["p done", "p loose", "p todo 1"]);
    expect(await titles(asOlga, { assignedToMe: true })).toEqual(["p todo 2"]);
    expect(await titles(asEd, { assignedToMe: false })).toEqual(["ed inbox", ...P_OPEN]);
  });
});

describe("inside one project", () => {
  it("lists only that project's tasks", async () => {
    expect(await titles(asEd, { projectId: shared.projectId })).toEqual(P_OPEN);
    expect(await titles(asEd, { projectId: shared.projectId, assignedToMe: true })).toEqual(["p loose", "p todo 1"]);
    expect(await titles(asOlga, { projectId: shared.projectId, search: "loose" })).toEqual(["p loose"]);
  });

  it("an archived project's tasks only when that project is asked for", async () => {
    expect(await titles(asEd, { projectId: archived.projectId })).toEqual(["archived task"]);
    expect(await titles(asEd, { search: "archived" })).toEqual([]);
  });

  it("a deleted project, someone else's project and a made-up id are the same NOT_FOUND", async () => {
    for (const projectId of [deleted.projectId, strangers.projectId, "6f1c2a34-1b2c-4d5e-8f90-123456789abc"]) {
      await expect(asEd.task.list({ projectId })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Project not found" });
    }
    expect(await titles(asEd, { search: "project task" })).toEqual([]);
  });

  it("by section, and null for the tasks in no section", async () => {
    const [todo, doing] = shared.sectionIds;
    expect(await titles(asEd, { projectId: shared.projectId, sectionId: todo })).toEqual(["p todo 1", "p todo 2"]);
    expect(await titles(asEd, { projectId: shared.projectId, sectionId: doing })).toEqual(["p doing"]);
    expect(await titles(asEd, { projectId: shared.projectId, sectionId: null })).toEqual(["p loose"]);
    expect(await titles(asEd, { projectId: shared.projectId, sectionId: null, status: "ALL" })).toEqual(["p done", "p loose"]);
  });

  it("a section that is not a live one of the project is NOT_FOUND, naming the section", async () => {
    const other = await createSharedProject(testDb.db, ed, [], { sections: ["Elsewhere"] });
    const gone = await createSharedProject(testDb.db, ed, [], { sections: ["Gone"] });
    await testDb.db.section.update({ where: { id: must(gone.sectionIds[0]) }, data: { deletedAt: new Date() } });
    for (const [projectId, sectionId] of [[shared.projectId, other.sectionIds[0]], [gone.projectId, gone.sectionIds[0]]] as const) {
      await expect(asEd.task.list({ projectId, sectionId })).rejects.toMatchObject({
        code: "NOT_FOUND",
        cause: { fieldErrors: { sectionId: [expect.stringMatching(/Section not found/)] } },
      });
    }
  });

  it("a section without its project is BAD_REQUEST", async () => {
    await expect(asEd.task.list({ sectionId: shared.sectionIds[0] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/projectId/) });
    await expect(asEd.task.list({ projectId: "inbox" } as TListTasksInput)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("keyset pages", () => {
  for (const sort of TASK_SORTS) {
    it(`visit every task once in ${sort} order, inside a project and across all`, async () => {
      for (const scope of [{ projectId: shared.projectId }, {}]) {
        const input = { ...scope, sort, status: "ALL" as const };
        const everything = (await asEd.task.list({ ...input, limit: 100 })).items.map((t) => t.title);
        expect(everything.length).toBeGreaterThan(2);
        expect(await allPages(input)).toEqual(everything);
      }
    });
  }
});
