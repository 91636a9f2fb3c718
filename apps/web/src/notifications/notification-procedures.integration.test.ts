// notification.* against a real database: each user sees, counts and marks only their own.
import { randomUUID } from "node:crypto";
import { insertNotification } from "@taskboard/db";
import type { TestDatabase } from "@taskboard/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, insertUser, openTestDatabase } from "@/server/testing/test-database";
import type { TSessionUser } from "@/server/session-user";

let testDb: TestDatabase;
let alice: TSessionUser;
let bob: TSessionUser;
const aliceIds: string[] = [];

async function notify(user: TSessionUser, title: string, createdAt: Date): Promise<string> {
  const id = randomUUID();
  await insertNotification(testDb.db, { id, userId: user.id, taskId: null, kind: "reminder", title, body: "", eventId: randomUUID(), createdAt });
  return id;
}

beforeAll(async () => {
  testDb = await openTestDatabase();
  alice = await insertUser(testDb.db, "Alice");
  bob = await insertUser(testDb.db, "Bob");
  for (let i = 0; i < 5; i++) aliceIds.push(await notify(alice, `Alice ${i}`, new Date(Date.UTC(2026, 4, 1, 9, i))));
  await notify(bob, "Bob's", new Date());
});
afterAll(() => testDb.drop());

describe("notification procedures", () => {
  it("list newest first, in pages, and only the user's own", async () => {
    const asAlice = callerFor(testDb.db, alice);
    const first = await asAlice.notification.list({ limit: 3 });
    expect(first.items.map((n) => n.title)).toEqual(["Alice 4", "Alice 3", "Alice 2"]);
    const second = await asAlice.notification.list({ limit: 3, cursor: first.nextCursor });
    expect(second.items.map((n) => n.title)).toEqual(["Alice 1", "Alice 0"]);
    expect(second.nextCursor).toBeNull();
    expect((await callerFor(testDb.db, bob).notification.list()).items.map((n) => n.title)).toEqual(["Bob's"]);
  });

  it("B cannot mark A's notifications read, and counts only their own", async () => {
    const asBob = callerFor(testDb.db, bob);
    expect(await asBob.notification.markRead({ ids: aliceIds })).toEqual({ updated: 0 });
    expect(await asBob.notification.unreadCount()).toEqual({ count: 1 });
    expect(await asBob.notification.markAllRead()).toEqual({ updated: 1 });
    expect(await callerFor(testDb.db, alice).notification.unreadCount()).toEqual({ count: 5 });
  });

  it("marks one read, then all, and lists unread only on request", async () => {
    const asAlice = callerFor(testDb.db, alice);
    expect(await asAlice.notification.markRead({ ids: [aliceIds[0] ?? ""] })).toEqual({ updated: 1 });
    expect(await asAlice.notification.unreadCount()).toEqual({ count: 4 });
    expect((await asAlice.notification.list({ unreadOnly: true })).items).toHaveLength(4);
    expect(await asAlice.notification.markAllRead()).toEqual({ updated: 4 });
    expect(await asAlice.notification.unreadCount()).toEqual({ count: 0 });
    expect((await asAlice.notification.list()).items.every((n) => n.readAt !== null)).toBe(true);
  });

  it("refuses bad input with a message and anonymous callers", async () => {
    const asAlice = callerFor(testDb.db, alice);
    await expect(asAlice.notification.markRead({ ids: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asAlice.notification.markRead({ ids: ["x"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(testDb.db, null).notification.unreadCount()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
