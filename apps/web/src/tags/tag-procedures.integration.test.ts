// tag.* against a real database: counts, case-insensitive uniqueness, rename, delete.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import { callerFor, insertUser, openTestDatabase, must } from "@/server/testing/test-database";

let testDb: TestDatabase;
let api: ReturnType<typeof callerFor>;

beforeAll(async () => {
  testDb = await openTestDatabase();
  api = callerFor(testDb.db, await insertUser(testDb.db, "Tagger"));
});
afterAll(() => testDb.drop());

describe("tags", () => {
  it("creates with a default colour and lists sorted by name with task counts", async () => {
    const zeta = await api.tag.create({ name: "zeta" });
    expect(zeta.color).toBe("#64748b");
    const alpha = await api.tag.create({ name: "Alpha", color: "#FF0000" });
    expect(alpha.color).toBe("#ff0000");
    await api.task.create({ title: "open", tagIds: [alpha.id] });
    const done = await api.task.create({ title: "done", tagIds: [alpha.id] });
    await api.task.complete({ id: done.id });
    const gone = await api.task.create({ title: "deleted", tagIds: [alpha.id] });
    await api.task.delete({ id: gone.id });
    expect(await api.tag.list()).toEqual([
      { id: alpha.id, name: "Alpha", color: "#ff0000", taskCount: 2, openTaskCount: 1 },
      { id: zeta.id, name: "zeta", color: "#64748b", taskCount: 0, openTaskCount: 0 },
    ]);
  });

  it("refuses a duplicate name in any case with CONFLICT", async () => {
    await expect(api.tag.create({ name: "ALPHA" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: 'You already have a tag called "Alpha"',
    });
    const zeta = must((await api.tag.list()).find((t) => t.name === "zeta"));
    await expect(api.tag.update({ id: zeta.id, name: "alpha" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("two concurrent creates of the same name in different case: exactly one wins", async () => {
    const results = await Promise.allSettled([api.tag.create({ name: "Race" }), api.tag.create({ name: "race" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("renames (also changing only the case of its own name) and recolours", async () => {
    const alpha = must((await api.tag.list()).find((t) => t.name === "Alpha"));
    expect(await api.tag.update({ id: alpha.id, name: "alpha" })).toMatchObject({ name: "alpha" });
    expect(await api.tag.update({ id: alpha.id, color: "#00ff00" })).toMatchObject({ name: "alpha", color: "#00ff00" });
    const task = must((await api.task.list({})).items.find((t) => t.title === "open"));
    expect(task.tags).toEqual([{ id: alpha.id, name: "alpha", color: "#00ff00" }]);
  });

  it("deleting a tag takes it off its tasks (their events: tag-task-events.integration.test.ts)", async () => {
    const alpha = must((await api.tag.list()).find((t) => t.name === "alpha"));
    expect(await api.tag.delete({ id: alpha.id })).toEqual({ id: alpha.id });
    const task = must((await api.task.list({})).items.find((t) => t.title === "open"));
    expect(task.tags).toEqual([]);
    await expect(api.tag.delete({ id: alpha.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
