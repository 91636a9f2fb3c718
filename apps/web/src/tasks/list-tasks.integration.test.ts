// task.list against real rows: every filter, every sort, and cursor pagination that visits each
// task exactly once in order (ties broken by id) for every sort and direction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import type { TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import { callerFor, insertUser, openTestDatabase, must } from "@/server/testing/test-database";
import { TASK_SORTS, type TListTasksInput } from "./list-tasks.schema";

let testDb: TestDatabase;
let user: TSessionUser;
let api: ReturnType<typeof callerFor>;
const byTitle = new Map<string, TTaskSnapshot>();

const HOUR = 3_600_000;
const now = Date.now();
const iso = (offsetHours: number) => new Date(now + offsetHours * HOUR).toISOString();

beforeAll(async () => {
  testDb = await openTestDatabase();
  user = await insertUser(testDb.db, "Lister");
  api = callerFor(testDb.db, user);
  const work = await api.tag.create({ name: "work" });
  const home = await api.tag.create({ name: "home" });
  const specs = [
    { title: "alpha overdue", priority: "URGENT", dueAt: iso(-48), tagIds: [work.id] },
    { title: "bravo soon", priority: "HIGH", dueAt: iso(5), tagIds: [home.id] },
    { title: "charlie no due", priority: "HIGH", description: "Contains the MAGIC word" },
    { title: "delta later", priority: "LOW", dueAt: iso(72), tagIds: [work.id, home.id] },
    { title: "echo no due", priority: "NONE" },
    { title: "foxtrot all-day today", priority: "MEDIUM", dueAt: iso(-2), allDay: true },
    { title: "golf same due as bravo", priority: "HIGH", dueAt: iso(5) },
    { title: "hotel done", priority: "LOW", dueAt: iso(-10) },
    { title: "india deleted", priority: "URGENT", dueAt: iso(-10) },
    { title: "juliet 100% sure", priority: "NONE", position: 2 },
  ] as const;
  for (const spec of specs) {
    const task = await api.task.create({ ...spec, tagIds: "tagIds" in spec ? [...spec.tagIds] : undefined });
    byTitle.set(task.title, task);
  }
  await api.task.complete({ id: must(byTitle.get("hotel done")).id });
  await api.task.delete({ id: must(byTitle.get("india deleted")).id });
  // Someone else's tasks must never show up.
  const other = callerFor(testDb.db, await insertUser(testDb.db, "Other"));
  await other.task.create({ title: "alpha of another user", priority: "URGENT" });
});
afterAll(() => testDb.drop());

async function titles(input: TListTasksInput) {
  return (await api.task.list(input)).items.map((t) => t.title);
}

async function allPages(input: TListTasksInput) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const result = await api.task.list({ ...input, cursor, limit: 2 });
    expect(result.items.length).toBeLessThanOrEqual(2);
    seen.push(...result.items.map((t) => t.title));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return seen;
}

describe("filters", () => {
  it("lists open, live tasks of the user by default (position order)", async () => {
    const result = await titles({});
    expect(result).toHaveLength(8);
    expect(result).not.toContain("hotel done");
    expect(result).not.toContain("india deleted");
    expect(result).not.toContain("alpha of another user");
    expect(result[0]).toBe("alpha overdue");
  });

  it("filters by status", async () => {
    expect(await titles({ status: "COMPLETED" })).toEqual(["hotel done"]);
    expect(await titles({ status: "ALL" })).toHaveLength(9);
  });

  it("filters by priorities and by any of the tags", async () => {
    expect((await titles({ priorities: ["HIGH", "URGENT"], sort: "title" }))).toEqual(["alpha overdue", "bravo soon", "charlie no due", "golf same due as bravo"]);
    const work = must((await api.tag.list()).find((t) => t.name === "work"));
    const home = must((await api.tag.list()).find((t) => t.name === "home"));
    expect(await titles({ tagIds: [work.id], sort: "title" })).toEqual(["alpha overdue", "delta later"]);
    expect(await titles({ tagIds: [work.id, home.id], sort: "title" })).toEqual(["alpha overdue", "bravo soon", "delta later"]);
  });

  it("filters by due range (inclusive)", async () => {
    const bravo = must(byTitle.get("bravo soon"));
    expect(await titles({ dueFrom: must(bravo.dueAt), dueTo: iso(24), sort: "title" })).toEqual(["bravo soon", "golf same due as bravo"]);
  });

  it("filters overdue (an all-day task is not overdue on its own day)", async () => {
    expect(await titles({ overdue: true })).toEqual(["alpha overdue"]);
    const notOverdue = await titles({ overdue: false, sort: "title" });
    expect(notOverdue).toContain("foxtrot all-day today");
    expect(notOverdue).toContain("echo no due");
    expect(notOverdue).not.toContain("alpha overdue");
  });

  it("searches title and description case-insensitively, treating % literally", async () => {
    expect(await titles({ search: "magic" })).toEqual(["charlie no due"]);
    expect(await titles({ search: "BRAVO", sort: "title" })).toEqual(["bravo soon", "golf same due as bravo"]);
    expect(await titles({ search: "100%" })).toEqual(["juliet 100% sure"]);
    expect(await titles({ search: "%" })).toEqual(["juliet 100% sure"]);
    expect(await titles({ search: "_" })).toEqual([]);
  });
});

describe("sorts", () => {
  it("due ascending puts tasks without a due date last, ties by id", async () => {
    const result = await titles({ sort: "due" });
    expect(result.slice(0, 2)).toEqual(["alpha overdue", "foxtrot all-day today"]);
    expect(result.slice(-3).sort()).toEqual(["charlie no due", "echo no due", "juliet 100% sure"]);
  });

  it("due descending still puts tasks without a due date last", async () => {
    const result = await titles({ sort: "due", sortDirection: "desc" });
    expect(result[0]).toBe("delta later");
    expect(result.slice(-3).sort()).toEqual(["charlie no due", "echo no due", "juliet 100% sure"]);
  });

  it("priority defaults to most urgent first", async () => {
    const items = (await api.task.list({ sort: "priority" })).items;
    expect(must(items[0]).priority).toBe("URGENT");
    expect(must(items.at(-1)).priority).toBe("NONE");
  });

  it("title and created", async () => {
    const result = await titles({ sort: "title" });
    expect(result).toEqual([...result].sort());
    const created = await titles({ sort: "created", sortDirection: "asc" });
    expect(created[0]).toBe("alpha overdue");
  });

  for (const sort of TASK_SORTS) {
    for (const direction of ["asc", "desc"] as const) {
      it(`paginates ${sort} ${direction} without gaps or repeats`, async () => {
        const everything = await titles({ sort, sortDirection: direction, status: "ALL", limit: 100 });
        expect(await allPages({ sort, sortDirection: direction, status: "ALL" })).toEqual(everything);
      });
    }
  }
});

describe("cursor errors", () => {
  it("a cursor from another sort or a garbage cursor is BAD_REQUEST", async () => {
    const page = await api.task.list({ sort: "title", limit: 2 });
    await expect(api.task.list({ sort: "due", cursor: page.nextCursor })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.task.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
