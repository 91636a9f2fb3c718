// Applying pushed changes to the task cache: versions, insert/update/remove, filters and order,
// infinite lists with unloaded pages, and task.get.
import { QueryClient, type QueryKey } from "@tanstack/react-query";
import { sampleTask } from "@taskboard/events/contract";
import { describe, expect, it } from "vitest";
import type { Task, TaskListInput } from "@/board/types";
import { queryKeys } from "@/trpc/testing/query-keys";
import { applyChange, type VersionLedger } from "./apply-change";
import type { TUserChange } from "./list-changes-since.schema";

const USER = "user-a";
let seq = 0;
const upserted = (task: Task): TUserChange => ({ seq: ++seq, kind: "task.upserted", entityId: task.id, version: task.version, payload: task });
const removed = (task: Task): TUserChange => ({ seq: ++seq, kind: "task.removed", entityId: task.id, version: task.version, payload: task });
const task = (overrides: Partial<Task> = {}): Task => ({ ...sampleTask(USER), ...overrides });

// Typed as plain keys: the fixtures are the board's Task, which the router's output type does not
// quite match (tag colours), and this is about where the data is, not its type.
function listKey(input: TaskListInput, type: "infinite" | "query" = "infinite"): QueryKey {
  return type === "infinite" ? queryKeys.task.list.infiniteQueryKey(input) : queryKeys.task.list.queryKey(input);
}
const getKey = (id: string): QueryKey => queryKeys.task.get.queryKey({ id });
function setup() {
  return { client: new QueryClient(), ledger: new Map() as VersionLedger };
}
function infinite(...pages: { items: Task[]; nextCursor: string | null }[]) {
  return { pages, pageParams: pages.map((_, i) => (i === 0 ? null : `c${i}`)) };
}
function titles(client: QueryClient, input: TaskListInput, type: "infinite" | "query" = "infinite"): string[][] {
  const data = client.getQueryData(listKey(input, type)) as ReturnType<typeof infinite> | { items: Task[] };
  return "pages" in data ? data.pages.map((p) => p.items.map((t) => t.title)) : [data.items.map((t) => t.title)];
}

describe("applyChange", () => {
  it("updates a task in place and ignores a snapshot that is not newer", () => {
    const { client, ledger } = setup();
    const a = task({ title: "A", version: 2, position: 1 });
    client.setQueryData(listKey({}), infinite({ items: [a], nextCursor: null }));
    expect(applyChange(client, upserted({ ...a, title: "A1", version: 1 }), ledger)).toBe("stale");
    expect(applyChange(client, upserted({ ...a, title: "A2", version: 2 }), ledger)).toBe("stale");
    expect(titles(client, {})).toEqual([["A"]]);
    expect(applyChange(client, upserted({ ...a, title: "A3", version: 3 }), ledger)).toBe("applied");
    expect(titles(client, {})).toEqual([["A3"]]);
  });

  it("inserts a new task at its sorted place in every list whose filters it passes", () => {
    const { client, ledger } = setup();
    const [a, c] = [task({ title: "A", position: 1 }), task({ title: "C", position: 3 })];
    client.setQueryData(listKey({}), infinite({ items: [a, c], nextCursor: null }));
    client.setQueryData(listKey({ status: "COMPLETED" }), infinite({ items: [], nextCursor: null }));
    client.setQueryData(listKey({ priorities: ["HIGH"] }), infinite({ items: [], nextCursor: null }));
    client.setQueryData(listKey({ sort: "title", sortDirection: "desc" }, "query"), { items: [c, a], nextCursor: null });
    applyChange(client, upserted(task({ title: "B", position: 2, priority: "HIGH" })), ledger);
    expect(titles(client, {})).toEqual([["A", "B", "C"]]);
    expect(titles(client, { status: "COMPLETED" })).toEqual([[]]);
    expect(titles(client, { priorities: ["HIGH"] })).toEqual([["B"]]);
    expect(titles(client, { sort: "title", sortDirection: "desc" }, "query")).toEqual([["C", "B", "A"]]);
  });

  it("moves a completed task from the open list to the completed list", () => {
    const { client, ledger } = setup();
    const a = task({ title: "A" });
    client.setQueryData(listKey({}), infinite({ items: [a], nextCursor: null }));
    client.setQueryData(listKey({ status: "COMPLETED" }), infinite({ items: [], nextCursor: null }));
    client.setQueryData(listKey({ status: "ALL" }), infinite({ items: [a], nextCursor: null }));
    applyChange(client, upserted({ ...a, status: "COMPLETED", completedAt: new Date().toISOString(), version: 2 }), ledger);
    expect(titles(client, {})).toEqual([[]]);
    expect(titles(client, { status: "COMPLETED" })).toEqual([["A"]]);
    expect(titles(client, { status: "ALL" })).toEqual([["A"]]);
  });

  it("applies tag, search, due-range and overdue filters", () => {
    const { client, ledger } = setup();
    const now = new Date("2026-05-10T12:00:00Z");
    const tag = { id: "4f0c6ce4-2f2c-4a4b-9a55-8b3f4b9e7c11", name: "home" };
    const inputs: TaskListInput[] = [
      { tagIds: [tag.id] },
      { search: "PLANTS" },
      { dueFrom: "2026-05-01T00:00:00Z", dueTo: "2026-05-31T00:00:00Z" },
      { overdue: true },
      { overdue: false },
    ];
    for (const input of inputs) client.setQueryData(listKey(input), infinite({ items: [], nextCursor: null }));
    applyChange(client, upserted(task({ title: "Water the plants", tags: [tag], dueAt: "2026-05-09T09:00:00Z" })), ledger, now);
    applyChange(client, upserted(task({ title: "Other", dueAt: "2026-06-02T09:00:00Z" })), ledger, now);
    expect(inputs.map((input) => titles(client, input)[0])).toEqual([
      ["Water the plants"],
      ["Water the plants"],
      ["Water the plants"],
      ["Water the plants"],
      ["Other"],
    ]);
  });

  it("removes a deleted task everywhere and does not resurrect it with an older snapshot", () => {
    const { client, ledger } = setup();
    const a = task({ title: "A", version: 3 });
    client.setQueryData(listKey({}), infinite({ items: [a], nextCursor: null }));
    client.setQueryData(listKey({ status: "ALL" }, "query"), { items: [a], nextCursor: null });
    expect(applyChange(client, removed({ ...a, deletedAt: new Date().toISOString(), version: 4 }), ledger)).toBe("applied");
    expect(titles(client, {})).toEqual([[]]);
    expect(titles(client, { status: "ALL" }, "query")).toEqual([[]]);
    // The update that came before the deletion, delivered late:
    expect(applyChange(client, upserted({ ...a, title: "late", version: 3 }), ledger)).toBe("stale");
    expect(titles(client, {})).toEqual([[]]);
    // A restore (newer) brings it back.
    applyChange(client, upserted({ ...a, title: "restored", version: 5 }), ledger);
    expect(titles(client, {})).toEqual([["restored"]]);
  });

  it("leaves a task that sorts after the loaded pages to the page that will load it", () => {
    const { client, ledger } = setup();
    const [a, b, c] = [task({ title: "A", position: 1 }), task({ title: "B", position: 2 }), task({ title: "C", position: 3 })];
    client.setQueryData(listKey({}), infinite({ items: [a], nextCursor: "c1" }, { items: [b], nextCursor: "c2" }));
    applyChange(client, upserted(task({ title: "late", position: 9 })), ledger);
    applyChange(client, upserted(task({ title: "between", position: 1.5 })), ledger);
    expect(titles(client, {})).toEqual([["A"], ["between", "B"]]);
    // Moving a loaded task past the loaded range takes it out of the loaded pages.
    applyChange(client, upserted({ ...a, position: 10, version: 2 }), ledger);
    expect(titles(client, {})).toEqual([[], ["between", "B"]]);
    expect(c.title).toBe("C");
  });

  it("puts a task only into its own project's lists; an assigned-to-me list refetches instead", () => {
    const { client, ledger } = setup();
    const [home, work] = [crypto.randomUUID(), crypto.randomUUID()];
    client.setQueryData(listKey({ projectId: home }), infinite({ items: [], nextCursor: null }));
    client.setQueryData(listKey({ projectId: work }), infinite({ items: [], nextCursor: null }));
    const mine = listKey({ assignedToMe: true } as TaskListInput);
    client.setQueryData(mine, infinite({ items: [], nextCursor: null }));
    applyChange(client, upserted(task({ title: "Mow the lawn", projectId: home })), ledger);
    expect(titles(client, { projectId: home })).toEqual([["Mow the lawn"]]);
    expect(titles(client, { projectId: work })).toEqual([[]]);
    expect(client.getQueryState(mine)?.isInvalidated).toBe(true);
  });

  it("updates task.get and never touches another task", () => {
    const { client, ledger } = setup();
    const [a, b] = [task({ title: "A" }), task({ title: "B" })];
    client.setQueryData(getKey(a.id), a);
    client.setQueryData(getKey(b.id), b);
    applyChange(client, upserted({ ...a, title: "A2", version: 2 }), ledger);
    expect((client.getQueryData(getKey(a.id)) as Task).title).toBe("A2");
    expect((client.getQueryData(getKey(b.id)) as Task).title).toBe("B");
  });

  it("marks notification queries stale on a notification and ignores unknown kinds", () => {
    const { client, ledger } = setup();
    // What the header tray shows.
    const tray = [queryKeys.notification.list.queryKey({ limit: 20 }), queryKeys.notification.unreadCount.queryKey()] as const;
    client.setQueryData(tray[0], { items: [], nextCursor: null });
    client.setQueryData(tray[1], { count: 0 });
    client.setQueryData(listKey({}), infinite({ items: [], nextCursor: null }));
    expect(applyChange(client, { seq: 1, kind: "notification", entityId: "n", version: 1, payload: {} }, ledger)).toBe("applied");
    expect(tray.map((key) => client.getQueryState(key)?.isInvalidated)).toEqual([true, true]);
    expect(client.getQueryState(listKey({}))?.isInvalidated).toBe(false);
    expect(applyChange(client, { seq: 2, kind: "comment.added", entityId: "x", version: 1, payload: {} }, ledger)).toBe("ignored");
  });
});
