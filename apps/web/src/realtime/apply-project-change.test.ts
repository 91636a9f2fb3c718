// The feed's project changes in this tab's caches: a member who leaves (or is removed) loses the
// project, its tasks and its sections at once; a role change reaches the cached project; sections
// follow in order; a project the tab does not know yet is fetched.
import { QueryClient, type QueryKey } from "@tanstack/react-query";
import { sampleProject, sampleTask } from "@taskboard/events/contract";
import { describe, expect, it, vi } from "vitest";
import type { Task } from "@/board/types";
import { queryKeys } from "@/trpc/testing/query-keys";
import { applyChange, type VersionLedger } from "./apply-change";
import type { TUserChange } from "./list-changes-since.schema";

const ME = "user-b";
let seq = 0;
const change = (kind: string, entityId: string, payload: unknown): TUserChange => ({ seq: ++seq, kind, entityId, version: 1, payload });

// Plain keys: the fixtures are the board's Task, which the router's output type does not quite
// match (tag colours); this is about where the data is, not its type.
const listKey: QueryKey = queryKeys.task.list.infiniteQueryKey({ status: "ALL" });
const getKey = (id: string): QueryKey => queryKeys.task.get.queryKey({ id });

function setup() {
  const client = new QueryClient();
  const shared = { ...sampleProject("user-a", { name: "Household" }), role: "EDITOR" as const, position: 1, view: "LIST" as const, memberCount: 2 };
  const inbox = { ...sampleProject(ME, { name: "Inbox", isInbox: true }), role: "OWNER" as const, position: 0, view: "LIST" as const, memberCount: 1 };
  const sharedTask: Task = { ...sampleTask("user-a"), title: "Buy paint", projectId: shared.id };
  const ownTask: Task = { ...sampleTask(ME), title: "Call mum", projectId: inbox.id };
  client.setQueryData(queryKeys.project.list.queryKey(), { projects: [inbox, shared] });
  client.setQueryData(listKey, {
    pages: [{ items: [sharedTask, ownTask], nextCursor: null }],
    pageParams: [null],
  });
  client.setQueryData(getKey(sharedTask.id), sharedTask);
  return { client, shared, inbox, ledger: new Map() as VersionLedger };
}

const projectNames = (client: QueryClient) =>
  (client.getQueryData(queryKeys.project.list.queryKey()) as { projects: { name: string }[] }).projects.map((p) => p.name);
const taskTitles = (client: QueryClient) =>
  (client.getQueryData(listKey) as { pages: { items: Task[] }[] }).pages[0]?.items.map((t) => t.title);

describe("applyChange: project changes", () => {
  it("project.left drops the project, its tasks and its single-task queries, and tells the page", () => {
    const { client, shared, ledger } = setup();
    const onProjectLeft = vi.fn();
    expect(applyChange(client, change("project.left", shared.id, { projectId: shared.id }), ledger, new Date(), { onProjectLeft })).toBe("applied");
    expect(projectNames(client)).toEqual(["Inbox"]);
    expect(taskTitles(client)).toEqual(["Call mum"]);
    expect(client.getQueriesData(queryKeys.task.get.pathFilter()).filter(([, d]) => d)).toEqual([]);
    expect(onProjectLeft).toHaveBeenCalledWith(shared.id, "Household");
  });

  it("project.upserted with a new role reaches the cached project, keeping the member's own fields", () => {
    const { client, shared, ledger } = setup();
    const { role: _role, position: _position, view: _view, memberCount: _count, ...snapshot } = shared;
    applyChange(client, change("project.upserted", shared.id, { ...snapshot, version: 2, role: "VIEWER" }), ledger);
    const cached = (client.getQueryData(queryKeys.project.list.queryKey()) as { projects: typeof shared[] }).projects[1];
    expect(cached).toMatchObject({ role: "VIEWER", position: 1, memberCount: 2, version: 2 });
  });

  it("a project the tab does not know yet (joined) makes the project list refetch", () => {
    const { client, ledger } = setup();
    const joined = sampleProject("user-c", { name: "Book club" });
    applyChange(client, change("project.joined", joined.id, { ...joined, role: "EDITOR" }), ledger);
    expect(client.getQueryState(queryKeys.project.list.queryKey())?.isInvalidated).toBe(true);
  });

  it("sections are kept in position order, and a removed one goes", () => {
    const { client, shared, ledger } = setup();
    const key = queryKeys.section.list.queryKey({ projectId: shared.id });
    const now = new Date().toISOString();
    const section = (name: string, position: number) => ({ id: crypto.randomUUID(), projectId: shared.id, name, position, version: 1, createdAt: now, updatedAt: now, deletedAt: null });
    const [todo, done] = [section("To do", 1), section("Done", 3)];
    client.setQueryData(key, [todo, done]);
    const doing = section("Doing", 2);
    applyChange(client, change("section.upserted", doing.id, doing), ledger);
    expect((client.getQueryData(key) as { name: string }[]).map((s) => s.name)).toEqual(["To do", "Doing", "Done"]);
    applyChange(client, change("section.removed", todo.id, { ...todo, deletedAt: now, version: 2 }), ledger);
    expect((client.getQueryData(key) as { name: string }[]).map((s) => s.name)).toEqual(["Doing", "Done"]);
  });
});
