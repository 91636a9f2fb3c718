// docs/invariants.md #7 as a matrix: EVERY procedure of the app router (enumerated from the router itself,
// so a new procedure without a row here fails the suite) is called by user B with user A's ids.
// B gets NOT_FOUND (the same message as for a made-up id) or only B's own data, never A's, and
// nothing of A's changes. Every non-public procedure refuses an anonymous caller.
import { randomUUID } from "node:crypto";
import { appendUserChange, insertAuditEntry, insertNotification } from "@taskboard/db";
import type { TestDatabase } from "@taskboard/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callerFor, insertUser, openTestDatabase } from "@/server/testing/test-database";
import type { TSessionUser } from "@/server/session-user";
import { appRouter } from "@/trpc/app-router";

// realtime.token reads its secret from the env; give it one so the token path really runs.
vi.mock("@/realtime/realtime-settings", () => ({
  realtimeSettings: async () => ({ tokenSecret: "matrix-realtime-secret-at-least-32-chars!", socketUrl: null }),
}));

type TCaller = ReturnType<typeof callerFor>;

interface AIds {
  taskId: string;
  completedTaskId: string;
  deletedTaskId: string;
  tagId: string;
  tagName: string;
  notificationIds: string[];
  auditEntryId: string;
  projectId: string;
  invitationId: string;
  sectionId: string;
}

/**
 * How B's call with A's ids must end:
 * - "not-found": NOT_FOUND, with the same message as the same call with random uuids;
 * - "own-only": succeeds, and the result (checked by `check`) holds nothing of A's.
 */
type TExpectation =
  | { kind: "not-found"; call: (caller: TCaller, ids: AIds) => Promise<unknown> }
  | { kind: "own-only"; call: (caller: TCaller, ids: AIds) => Promise<unknown>; check?: (result: unknown, ids: AIds) => void };

/** Procedures anyone may call without a session. Empty today: every procedure needs a user. */
const PUBLIC_PROCEDURES = new Set<string>();

const RANDOM_IDS: AIds = {
  taskId: randomUUID(),
  completedTaskId: randomUUID(),
  deletedTaskId: randomUUID(),
  tagId: randomUUID(),
  tagName: "no-such-tag",
  notificationIds: [randomUUID()],
  auditEntryId: randomUUID(),
  projectId: randomUUID(),
  invitationId: randomUUID(),
  sectionId: randomUUID(),
};

function serialised(value: unknown): string {
  return JSON.stringify(value);
}

/** The result must not mention any of A's ids or A's private strings. */
function mentionsNothingOfA(result: unknown, ids: AIds) {
  const text = serialised(result);
  for (const id of [ids.projectId, ids.invitationId, ids.sectionId, ids.taskId, ids.completedTaskId, ids.deletedTaskId, ids.tagId, ids.auditEntryId, ...ids.notificationIds, aliceUser.id]) {
    expect(text).not.toContain(id);
  }
  expect(text).not.toContain("Alice's secret");
  expect(text).not.toContain(aliceUser.email);
}

const MATRIX: Record<string, TExpectation> = {
  "project.list": {
    kind: "own-only",
    call: (c) => c.project.list(),
    check: (r) => expect(new Set((r as { projects: { ownerId: string }[] }).projects.map((p) => p.ownerId))).toEqual(new Set([bobUser.id])),
  },
  "member.list": { kind: "not-found", call: (c, ids) => c.member.list({ projectId: ids.projectId }) },
  "member.invite": { kind: "not-found", call: (c, ids) => c.member.invite({ projectId: ids.projectId, email: "mallory@example.test", role: "EDITOR" }) },
  "member.revokeInvitation": { kind: "not-found", call: (c, ids) => c.member.revokeInvitation({ invitationId: ids.invitationId }) },
  "member.myInvitations": { kind: "own-only", call: (c) => c.member.myInvitations(), check: (r) => expect(r).toEqual([]) },
  "member.acceptInvitation": { kind: "not-found", call: (c, ids) => c.member.acceptInvitation({ invitationId: ids.invitationId }) },
  "member.declineInvitation": { kind: "not-found", call: (c, ids) => c.member.declineInvitation({ invitationId: ids.invitationId }) },
  "member.changeRole": { kind: "not-found", call: (c, ids) => c.member.changeRole({ projectId: ids.projectId, userId: bobUser.id, role: "EDITOR" }) },
  "member.remove": { kind: "not-found", call: (c, ids) => c.member.remove({ projectId: ids.projectId, userId: aliceUser.id }) },
  "member.leave": { kind: "not-found", call: (c, ids) => c.member.leave({ projectId: ids.projectId }) },
  "member.transferOwnership": { kind: "not-found", call: (c, ids) => c.member.transferOwnership({ projectId: ids.projectId, userId: bobUser.id }) },
  "section.list": { kind: "not-found", call: (c, ids) => c.section.list({ projectId: ids.projectId }) },
  "section.create": { kind: "not-found", call: (c, ids) => c.section.create({ projectId: ids.projectId, name: "pwned" }) },
  "section.update": { kind: "not-found", call: (c, ids) => c.section.update({ id: ids.sectionId, expectedVersion: 1, patch: { name: "pwned" } }) },
  "section.delete": { kind: "not-found", call: (c, ids) => c.section.delete({ id: ids.sectionId, tasks: { action: "deleted" } }) },
  "project.get": { kind: "not-found", call: (c, ids) => c.project.get({ id: ids.projectId }) },
  "project.create": { kind: "own-only", call: (c) => c.project.create({ name: "Bob's own" }) },
  "project.update": { kind: "not-found", call: (c, ids) => c.project.update({ id: ids.projectId, expectedVersion: 1, patch: { name: "pwned" } }) },
  "project.archive": { kind: "not-found", call: (c, ids) => c.project.archive({ id: ids.projectId }) },
  "project.unarchive": { kind: "not-found", call: (c, ids) => c.project.unarchive({ id: ids.projectId }) },
  "project.delete": { kind: "not-found", call: (c, ids) => c.project.delete({ id: ids.projectId }) },
  "project.restore": { kind: "not-found", call: (c, ids) => c.project.restore({ id: ids.projectId }) },
  "project.reorder": { kind: "not-found", call: (c, ids) => c.project.reorder({ id: ids.projectId, position: 1 }) },
  "project.setView": { kind: "not-found", call: (c, ids) => c.project.setView({ id: ids.projectId, view: "KANBAN" }) },
  "task.list": {
    kind: "own-only",
    call: (c, ids) => c.task.list({ status: "ALL", tagIds: [ids.tagId] }),
    check: (r) => expect((r as { items: unknown[] }).items).toEqual([]),
  },
  "task.get": { kind: "not-found", call: (c, ids) => c.task.get({ id: ids.taskId }) },
  "task.create": { kind: "not-found", call: (c, ids) => c.task.create({ title: "steal a tag", tagIds: [ids.tagId] }) },
  "task.update": {
    kind: "not-found",
    call: (c, ids) => c.task.update({ id: ids.taskId, expectedVersion: 1, patch: { title: "pwned" } }),
  },
  "task.reorder": { kind: "not-found", call: (c, ids) => c.task.reorder({ id: ids.taskId, expectedVersion: 1, position: 0 }) },
  "task.move": { kind: "not-found", call: (c, ids) => c.task.move({ id: ids.taskId, expectedVersion: 1, position: 0 }) },
  "task.complete": { kind: "not-found", call: (c, ids) => c.task.complete({ id: ids.taskId }) },
  "task.reopen": { kind: "not-found", call: (c, ids) => c.task.reopen({ id: ids.completedTaskId }) },
  "task.delete": { kind: "not-found", call: (c, ids) => c.task.delete({ id: ids.taskId }) },
  "task.restore": { kind: "not-found", call: (c, ids) => c.task.restore({ id: ids.deletedTaskId }) },
  "tag.list": {
    kind: "own-only",
    call: (c) => c.tag.list(),
    // (B may by now own a tag of the same name, made by the tag.create row: that one is B's.)
    check: (r) => expect((r as { id: string }[]).map((t) => t.id)).not.toContain(aliceTagIdForCheck()),
  },
  "tag.create": {
    // Tag names are per user: A's name is free for B and yields B's own tag, not A's.
    kind: "own-only",
    call: (c, ids) => c.tag.create({ name: ids.tagName }),
  },
  "tag.update": { kind: "not-found", call: (c, ids) => c.tag.update({ id: ids.tagId, name: "mine now" }) },
  "tag.delete": { kind: "not-found", call: (c, ids) => c.tag.delete({ id: ids.tagId }) },
  "user.me": { kind: "own-only", call: (c) => c.user.me(), check: (r) => expect(r).toMatchObject({ id: bobUser.id }) },
  "realtime.token": {
    kind: "own-only",
    call: (c) => c.realtime.token(),
    check: (r) => {
      expect(r).toMatchObject({ enabled: true, userId: bobUser.id });
    },
  },
  "realtime.changesSince": {
    kind: "own-only",
    call: (c) => c.realtime.changesSince({ afterSeq: 0 }),
    check: (r) => expect(r).toMatchObject({ changes: [], latestSeq: 0 }),
  },
  "audit.list": {
    kind: "own-only",
    call: (c, ids) => c.audit.list({ taskId: ids.taskId }),
    check: (r) => expect((r as { items: unknown[] }).items).toEqual([]),
  },
  "notification.list": {
    kind: "own-only",
    call: (c) => c.notification.list({ limit: 100 }),
    check: (r) => expect((r as { items: unknown[] }).items).toEqual([]),
  },
  "notification.unreadCount": {
    kind: "own-only",
    call: (c) => c.notification.unreadCount(),
    check: (r) => expect(r).toEqual({ count: 0 }),
  },
  "notification.markRead": {
    kind: "own-only",
    call: (c, ids) => c.notification.markRead({ ids: ids.notificationIds }),
    check: (r) => expect(r).toEqual({ updated: 0 }),
  },
  "notification.markAllRead": {
    kind: "own-only",
    call: (c) => c.notification.markAllRead(),
    check: (r) => expect(r).toEqual({ updated: 0 }),
  },
};

/** A valid input per procedure, for the anonymous calls (which must fail before the input matters). */
const VALID_INPUT: Record<string, unknown> = {
  "member.list": { projectId: RANDOM_IDS.projectId },
  "member.invite": { projectId: RANDOM_IDS.projectId, email: "anon@example.test", role: "EDITOR" },
  "member.revokeInvitation": { invitationId: RANDOM_IDS.invitationId },
  "member.acceptInvitation": { invitationId: RANDOM_IDS.invitationId },
  "member.declineInvitation": { invitationId: RANDOM_IDS.invitationId },
  "member.changeRole": { projectId: RANDOM_IDS.projectId, userId: "someone", role: "EDITOR" },
  "member.remove": { projectId: RANDOM_IDS.projectId, userId: "someone" },
  "member.leave": { projectId: RANDOM_IDS.projectId },
  "member.transferOwnership": { projectId: RANDOM_IDS.projectId, userId: "someone" },
  "section.list": { projectId: RANDOM_IDS.projectId },
  "section.create": { projectId: RANDOM_IDS.projectId, name: "anon" },
  "section.update": { id: RANDOM_IDS.sectionId, expectedVersion: 1, patch: { name: "anon" } },
  "section.delete": { id: RANDOM_IDS.sectionId, tasks: { action: "deleted" } },
  "project.get": { id: RANDOM_IDS.projectId },
  "project.create": { name: "anon" },
  "project.update": { id: RANDOM_IDS.projectId, expectedVersion: 1, patch: { name: "anon" } },
  "project.archive": { id: RANDOM_IDS.projectId },
  "project.unarchive": { id: RANDOM_IDS.projectId },
  "project.delete": { id: RANDOM_IDS.projectId },
  "project.restore": { id: RANDOM_IDS.projectId },
  "project.reorder": { id: RANDOM_IDS.projectId, position: 1 },
  "project.setView": { id: RANDOM_IDS.projectId, view: "KANBAN" },
  "task.list": {},
  "task.get": { id: RANDOM_IDS.taskId },
  "task.create": { title: "anon" },
  "task.update": { id: RANDOM_IDS.taskId, expectedVersion: 1, patch: { title: "anon" } },
  "task.reorder": { id: RANDOM_IDS.taskId, expectedVersion: 1, position: 0 },
  "task.move": { id: RANDOM_IDS.taskId, expectedVersion: 1, position: 0 },
  "task.complete": { id: RANDOM_IDS.taskId },
  "task.reopen": { id: RANDOM_IDS.taskId },
  "task.delete": { id: RANDOM_IDS.taskId },
  "task.restore": { id: RANDOM_IDS.taskId },
  "tag.create": { name: "anon" },
  "tag.update": { id: RANDOM_IDS.tagId, name: "anon" },
  "tag.delete": { id: RANDOM_IDS.tagId },
  "realtime.changesSince": { afterSeq: 0 },
  "audit.list": {},
  "notification.list": {},
  "notification.markRead": { ids: RANDOM_IDS.notificationIds },
};

let testDb: TestDatabase;
let aliceUser: TSessionUser;
let bobUser: TSessionUser;
let alice: TCaller;
let bob: TCaller;
let ids: AIds;
const aliceTagIdForCheck = () => ids.tagId;

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

/** Everything of A's that a call by B could touch. */
async function snapshotOfA() {
  const db = testDb.db;
  const where = { userId: aliceUser.id };
  return {
    tasks: await db.task.findMany({ where, orderBy: { id: "asc" }, include: { tags: true } }),
    tags: await db.tag.findMany({ where, orderBy: { id: "asc" } }),
    notifications: await db.notification.findMany({ where, orderBy: { id: "asc" } }),
    audit: await db.auditEntry.count({ where }),
    changes: await db.userChange.count({ where }),
    outbox: await db.outboxEvent.count({ where: { partitionKey: { in: [aliceUser.id, ids.projectId] } } }),
    projects: await db.project.findMany({ where: { ownerId: aliceUser.id }, orderBy: { id: "asc" }, include: { members: true, sections: true, invitations: true } }),
  };
}

function callProcedure(caller: TCaller, path: string, input: unknown): Promise<unknown> {
  const [router, name] = path.split(".") as [string, string];
  const fn = (caller as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>)[router]?.[name];
  if (!fn) throw new Error(`no procedure ${path} on the caller`);
  return fn(input);
}

beforeAll(async () => {
  testDb = await openTestDatabase();
  aliceUser = await insertUser(testDb.db, "Alice");
  bobUser = await insertUser(testDb.db, "Bob");
  alice = callerFor(testDb.db, aliceUser);
  bob = callerFor(testDb.db, bobUser);

  const project = await alice.project.create({ name: "Alice's secret project" });
  const section = await alice.section.create({ projectId: project.id, name: "Alice's secret column" });
  // An invitation to someone who is not B: B can neither see nor answer it.
  const invitation = await alice.member.invite({ projectId: project.id, email: "carol@example.test", role: "VIEWER" });
  const tag = await alice.tag.create({ name: "private" });
  const task = await alice.task.create({ title: "Alice's secret", tagIds: [tag.id], description: "Alice's secret notes" });
  const completed = await alice.task.complete({ id: (await alice.task.create({ title: "Alice's secret done" })).id });
  const deleted = await alice.task.delete({ id: (await alice.task.create({ title: "Alice's secret bin" })).id });

  const notificationIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    const id = randomUUID();
    await insertNotification(testDb.db, {
      id,
      userId: aliceUser.id,
      taskId: task.id,
      kind: "reminder",
      title: "Alice's secret reminder",
      body: "",
      eventId: randomUUID(),
      createdAt: new Date(),
    });
    notificationIds.push(id);
  }
  const auditEntryId = randomUUID();
  await insertAuditEntry(testDb.db, {
    id: auditEntryId,
    eventId: randomUUID(),
    userId: aliceUser.id,
    type: "task.created",
    actor: aliceUser.id,
    taskId: task.id,
    version: 1,
    occurredAt: new Date(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    previous: null,
    snapshot: task,
    diff: [],
  });
  await appendUserChange(testDb.db, {
    userId: aliceUser.id,
    kind: "task.upserted",
    entityId: task.id,
    version: 1,
    payload: { title: "Alice's secret" },
    eventId: randomUUID(),
  });

  ids = {
    taskId: task.id,
    completedTaskId: completed.id,
    deletedTaskId: deleted.id,
    tagId: tag.id,
    tagName: tag.name,
    notificationIds,
    auditEntryId,
    projectId: project.id,
    invitationId: invitation.id,
    sectionId: section.id,
  };
});
afterAll(() => testDb.drop());

describe("the authorization matrix covers the whole router", () => {
  it("has a row for every procedure and none for a procedure that does not exist", () => {
    expect(procedurePaths.length).toBeGreaterThan(0);
    expect(Object.keys(MATRIX).sort()).toEqual(procedurePaths);
  });

  it("every public procedure is declared on purpose", () => {
    for (const path of PUBLIC_PROCEDURES) expect(procedurePaths).toContain(path);
  });
});

describe("user B with user A's ids", () => {
  it.each(procedurePaths)("%s never shows or changes anything of A's", async (path) => {
    const row = MATRIX[path];
    if (!row) throw new Error(`${path} has no row in the authorization matrix: add one`);
    const before = await snapshotOfA();

    if (row.kind === "not-found") {
      const foreign = await row.call(bob, ids).then(
        (value) => ({ ok: true as const, value }),
        (error: { code?: string; message?: string }) => ({ ok: false as const, code: error.code, message: error.message }),
      );
      expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
      // No existence leak: a foreign id answers exactly like an id that does not exist.
      const missing = await row.call(bob, RANDOM_IDS).then(
        (value) => ({ ok: true as const, value }),
        (error: { code?: string; message?: string }) => ({ ok: false as const, code: error.code, message: error.message }),
      );
      expect(missing).toEqual(foreign);
    } else {
      const result = await row.call(bob, ids);
      mentionsNothingOfA(result, ids);
      row.check?.(result, ids);
    }

    expect(await snapshotOfA()).toEqual(before);
  });

  it("B's unfiltered reads never include A's rows either", async () => {
    mentionsNothingOfA(await bob.task.list({ status: "ALL" }), ids);
    mentionsNothingOfA(await bob.audit.list({}), ids);
    mentionsNothingOfA(await bob.realtime.changesSince({ afterSeq: 0 }), ids);
    mentionsNothingOfA(await bob.notification.list({}), ids);
    // ...while A still sees all of it (the fixture is real, not vacuous).
    expect((await alice.task.list({ status: "ALL" })).items.length).toBe(2);
    expect((await alice.audit.list({ taskId: ids.taskId })).items.length).toBe(1);
    expect((await alice.notification.unreadCount()).count).toBe(2);
    expect((await alice.realtime.changesSince({ afterSeq: 0 })).changes.length).toBe(1);
  });
});

describe("anonymous callers", () => {
  const protectedPaths = procedurePaths.filter((path) => !PUBLIC_PROCEDURES.has(path));

  it.each(protectedPaths)("%s is UNAUTHORIZED without a session and changes nothing", async (path) => {
    const before = await snapshotOfA();
    const anonymous = callerFor(testDb.db, null);
    await expect(callProcedure(anonymous, path, VALID_INPUT[path])).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "Please sign in to continue.",
    });
    expect(await snapshotOfA()).toEqual(before);
  });
});
