// Two quick Alt+↑ on one card: the second must start from where the first one puts the card, even
// while the first move's optimistic write still waits for in-flight list fetches to be cancelled,
// and even when the live feed echoes a move made before them ahead of that move's own answer.
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applyChange } from "@/realtime/apply-change";
import type { TUserChange } from "@/realtime/list-changes-since.schema";
import { queryKeys } from "@/trpc/query-keys";
import { forgetMoveAsked, moveTask, recordMoveAsked, withMovesAsked } from "./task-cache";
import { makeTask } from "./testing/task-fixture";
import type { Task, TaskListInput } from "./types";

const input = { sort: "position", sortDirection: "asc" } as TaskListInput;
const task = (id: string, position: number, version = 1) => makeTask({ id, title: id, position, version });

function cachedList(client: QueryClient): Task[] {
  const data = client.getQueryData<{ pages: { items: Task[] }[] }>(queryKeys.task.list.infiniteQueryKey(input));
  return data?.pages.flatMap((page) => page.items) ?? [];
}

function setUp() {
  const client = new QueryClient();
  const items = [task("a", 1), task("b", 2), task("c", 3)];
  // The board's Task (tag colours may be null) stands in for the router's page item here.
  client.setQueryData(queryKeys.task.list.infiniteQueryKey(input), { pages: [{ items, nextCursor: null }], pageParams: [null] } as never);
  return client;
}

const titles = (tasks: Task[]) => tasks.map((t) => t.title);
const shown = (client: QueryClient) => titles(withMovesAsked(client, cachedList(client), input));

describe("moves asked for and not answered yet", () => {
  it("are seen by the next key press before their optimistic write is in the cache", () => {
    const client = setUp();
    recordMoveAsked(client, "c", 1.5);
    expect(shown(client)).toEqual(["a", "c", "b"]);
    expect(titles(cachedList(client))).toEqual(["a", "b", "c"]);
  });

  it("are forgotten once answered, so the server's place counts again", () => {
    const client = setUp();
    recordMoveAsked(client, "c", 1.5);
    moveTask(client, "c", 1.5);
    forgetMoveAsked(client, "c", 1.5);
    moveTask(client, "c", 3.5);
    expect(shown(client)).toEqual(["a", "b", "c"]);
  });

  it("keep the later of two moves of one card until that one is answered too", () => {
    const client = setUp();
    recordMoveAsked(client, "c", 1.5);
    recordMoveAsked(client, "c", 0.5);
    moveTask(client, "c", 1.5);
    forgetMoveAsked(client, "c", 1.5);
    expect(shown(client)).toEqual(["c", "a", "b"]);
    forgetMoveAsked(client, "c", 0.5);
    expect(shown(client)).toEqual(["a", "c", "b"]);
  });

  it("keep the card in place when the live feed echoes an earlier move before its answer", () => {
    const client = setUp();
    // Alt+↓ took "a" to 3.5 (version 2 on the server, not answered yet); Alt+↑ then asked for 0.5.
    moveTask(client, "a", 3.5);
    recordMoveAsked(client, "a", 0.5);
    moveTask(client, "a", 0.5);
    const echo = { kind: "task.upserted", entityId: "a", version: 2, payload: task("a", 3.5, 2), seq: 1 } as unknown as TUserChange;
    expect(applyChange(client, echo, new Map())).toBe("applied");
    expect(titles(cachedList(client))).toEqual(["a", "b", "c"]);
    expect(cachedList(client)[0]?.version).toBe(2);
  });
});
