// Every member.* procedure against a real PostgreSQL: invitations by email (also to an address
// with no account yet), joining, roles, removal, leaving and transfer, and the project events each
// writes (partition key = the project, actorid = who acted).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import { addMember } from "@/projects/testing/project-members";
import type { TSessionUser } from "@/server/session-user";
import { callerFor, countOutbox, insertUser, must, openTestDatabase, readOutbox } from "@/server/testing/test-database";

let testDb: TestDatabase;
let owner: TSessionUser;
let bo: TSessionUser;
let cy: TSessionUser;
let api: ReturnType<typeof callerFor>;
let projectId: string;

beforeAll(async () => {
  testDb = await openTestDatabase();
  owner = await insertUser(testDb.db, "Ada");
  bo = await insertUser(testDb.db, "Bo");
  cy = await insertUser(testDb.db, "Cy");
  api = callerFor(testDb.db, owner);
});
afterAll(() => testDb.drop());
beforeEach(async () => {
  await testDb.db.project.deleteMany({ where: { isInbox: false } });
  projectId = (await api.project.create({ name: "Garden" })).id;
  await testDb.db.outboxEvent.deleteMany();
});

async function eventTypes() {
  return (await readOutbox(testDb.db)).map((e) => e.type);
}

describe("member.invite", () => {
  it("invites an address (lower-cased) and writes invitation.created keyed by the project", async () => {
    const invitation = await api.member.invite({ projectId, email: `  ${bo.email.toUpperCase()} `, role: "EDITOR" });
    expect(invitation).toMatchObject({ projectId, projectName: "Garden", email: bo.email, role: "EDITOR", status: "PENDING", invitedBy: owner.id, respondedAt: null });
    const [event] = await readOutbox(testDb.db);
    expect(event).toMatchObject({ topic: "project-events", type: "invitation.created", partitionKey: projectId });
    expect(must(event).event).toMatchObject({ subject: invitation.id, actorid: owner.id, data: { invitation } });
    expect((await api.member.list({ projectId })).invitations).toEqual([invitation]);
  });

  it("refuses a bad address, a member's address, a second invitation and the OWNER role, writing nothing more", async () => {
    await expect(api.member.invite({ projectId, email: "not-an-email", role: "EDITOR" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/valid email/) });
    await expect(api.member.invite({ projectId, email: owner.email, role: "EDITOR" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already a member/) });
    await expect(api.member.invite({ projectId, email: bo.email, role: "OWNER" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await countOutbox(testDb.db)).toBe(0);
    await api.member.invite({ projectId, email: bo.email, role: "EDITOR" });
    await expect(api.member.invite({ projectId, email: bo.email.toUpperCase(), role: "VIEWER" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already been invited/) });
    expect(await countOutbox(testDb.db)).toBe(1);
  });

  it("two invitations of one address at the same moment: one is created, the other is a CONFLICT (not a 500)", async () => {
    // Several rounds at once, so the two transactions really overlap in at least some of them.
    const emails = Array.from({ length: 6 }, (_, i) => `race-${i}-${randomUUID().slice(0, 8)}@example.test`);
    const results = await Promise.allSettled(emails.flatMap((email) => [1, 2].map(() => api.member.invite({ projectId, email, role: "EDITOR" }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(emails.length);
    for (const rejected of results.filter((r) => r.status === "rejected")) expect(rejected).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await countOutbox(testDb.db)).toBe(emails.length);
  });

  it("refuses to share the Inbox", async () => {
    const inbox = must((await api.project.list()).projects.find((p) => p.isInbox));
    await expect(api.member.invite({ projectId: inbox.id, email: bo.email, role: "EDITOR" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The Inbox is personal: it cannot be shared.",
    });
    expect(await countOutbox(testDb.db)).toBe(0);
  });
});

describe("an invitation to an address with no account", () => {
  it("waits, is seen after sign-up, and accepting it makes a member (invitation.closed ACCEPTED + member.added)", async () => {
    const email = `newcomer-${randomUUID().slice(0, 8)}@example.test`;
    const invitation = await api.member.invite({ projectId, email: email.toUpperCase(), role: "VIEWER" });
    const id = randomUUID();
    await testDb.db.user.create({ data: { id, name: "Newcomer", email } });
    const newcomer = callerFor(testDb.db, { id, name: "Newcomer", email });
    expect(await newcomer.member.myInvitations()).toEqual([invitation]);

    await testDb.db.outboxEvent.deleteMany();
    const joined = await newcomer.member.acceptInvitation({ invitationId: invitation.id });
    expect(joined).toMatchObject({ id: projectId, role: "VIEWER", memberCount: 2 });
    const events = await readOutbox(testDb.db);
    expect(events.map((e) => [e.type, e.partitionKey, e.event.actorid])).toEqual([
      ["invitation.closed", projectId, id],
      ["member.added", projectId, id],
    ]);
    expect(must(events[0]).event.data).toMatchObject({ invitation: { status: "ACCEPTED" } });
    expect(must(events[1]).event.data).toMatchObject({ member: { userId: id, role: "VIEWER", email } });
    expect(await newcomer.member.myInvitations()).toEqual([]);
    expect((await newcomer.project.list()).projects.map((p) => p.name)).toEqual(["Inbox", "Garden"]);
    expect((await api.member.list({ projectId })).invitations).toEqual([]);
  });
});

describe("member.acceptInvitation / declineInvitation / revokeInvitation", () => {
  it("someone else cannot accept an invitation: NOT_FOUND, nothing written", async () => {
    const invitation = await api.member.invite({ projectId, email: bo.email, role: "EDITOR" });
    await testDb.db.outboxEvent.deleteMany();
    await expect(callerFor(testDb.db, cy).member.acceptInvitation({ invitationId: invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Invitation not found" });
    expect(await countOutbox(testDb.db)).toBe(0);
  });

  it("decline closes it as DECLINED; answering again is a CONFLICT", async () => {
    const invitation = await api.member.invite({ projectId, email: bo.email, role: "EDITOR" });
    const declined = await callerFor(testDb.db, bo).member.declineInvitation({ invitationId: invitation.id });
    expect(declined).toMatchObject({ status: "DECLINED", respondedAt: expect.any(String) });
    await expect(callerFor(testDb.db, bo).member.acceptInvitation({ invitationId: invitation.id })).rejects.toMatchObject({ code: "CONFLICT", message: "This invitation was already declined." });
    expect(await eventTypes()).toEqual(["invitation.created", "invitation.closed"]);
    expect((await api.member.list({ projectId })).members.map((m) => m.userId)).toEqual([owner.id]);
  });

  it("the owner revokes a pending invitation (REVOKED); the invitee no longer sees it", async () => {
    const invitation = await api.member.invite({ projectId, email: bo.email, role: "EDITOR" });
    expect(await api.member.revokeInvitation({ invitationId: invitation.id })).toMatchObject({ status: "REVOKED" });
    expect(await callerFor(testDb.db, bo).member.myInvitations()).toEqual([]);
    expect(await eventTypes()).toEqual(["invitation.created", "invitation.closed"]);
  });
});

describe("an invitation to a deleted project", () => {
  it("is no longer shown, and accepting it is NOT_FOUND; after a restore it is back", async () => {
    const invitation = await api.member.invite({ projectId, email: bo.email, role: "EDITOR" });
    await api.project.delete({ id: projectId });
    const invitee = callerFor(testDb.db, bo);
    expect(await invitee.member.myInvitations()).toEqual([]);
    await expect(invitee.member.acceptInvitation({ invitationId: invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Invitation not found" });
    await api.project.restore({ id: projectId });
    expect((await invitee.member.myInvitations()).map((i) => i.id)).toEqual([invitation.id]);
  });
});

describe("member.list", () => {
  it("shows every member, owner first; pending invitations only to the owner", async () => {
    await addMember(testDb.db, { owner, projectId, member: bo, role: "EDITOR" });
    await api.member.invite({ projectId, email: cy.email, role: "VIEWER" });
    const forOwner = await api.member.list({ projectId });
    expect(forOwner.members.map((m) => [m.name, m.role])).toEqual([["Ada", "OWNER"], ["Bo", "EDITOR"]]);
    expect(forOwner.invitations.map((i) => i.email)).toEqual([cy.email]);
    const forEditor = await callerFor(testDb.db, bo).member.list({ projectId });
    expect(forEditor.members).toEqual(forOwner.members);
    expect(forEditor.invitations).toEqual([]);
  });
});

describe("member.changeRole", () => {
  it("makes an editor a viewer with member.updated; the owner's own role is refused", async () => {
    await addMember(testDb.db, { owner, projectId, member: bo, role: "EDITOR" });
    await testDb.db.outboxEvent.deleteMany();
    expect(await api.member.changeRole({ projectId, userId: bo.id, role: "VIEWER" })).toMatchObject({ userId: bo.id, role: "VIEWER" });
    const [event] = await readOutbox(testDb.db);
    expect(event).toMatchObject({ type: "member.updated", partitionKey: projectId });
    expect(must(event).event.data).toMatchObject({ previous: { role: "EDITOR" }, member: { role: "VIEWER" } });
    await expect(api.member.changeRole({ projectId, userId: owner.id, role: "VIEWER" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/transferring ownership/) });
    await expect(api.member.changeRole({ projectId, userId: cy.id, role: "VIEWER" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Member not found" });
    expect(await countOutbox(testDb.db)).toBe(1);
  });
});

describe("member.remove and member.leave", () => {
  it("removing a member unassigns their tasks in the project (task.updated each), then member.removed", async () => {
    await addMember(testDb.db, { owner, projectId, member: bo, role: "EDITOR" });
    const mine = await api.task.create({ title: "Dig", projectId, assigneeId: bo.id });
    const other = await api.task.create({ title: "Water", projectId, assigneeId: owner.id });
    await testDb.db.outboxEvent.deleteMany();
    const removed = await api.member.remove({ projectId, userId: bo.id });
    expect(removed).toMatchObject({ userId: bo.id, role: "EDITOR" });
    const events = await readOutbox(testDb.db);
    expect(events.map((e) => [e.type, e.partitionKey])).toEqual([
      ["task.updated", owner.id],
      ["member.removed", projectId],
    ]);
    expect(must(events[0]).event.data).toMatchObject({ task: { id: mine.id, assigneeId: null, version: 2 }, changedFields: ["assigneeId"] });
    expect(must(events[1]).event).toMatchObject({ actorid: owner.id, data: { reason: "removed", member: { userId: bo.id } } });
    expect((await api.task.get({ id: other.id })).assigneeId).toBe(owner.id);
    await expect(callerFor(testDb.db, bo).project.get({ id: projectId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a member leaves (reason left); the owner cannot leave and must transfer first", async () => {
    await addMember(testDb.db, { owner, projectId, member: cy, role: "VIEWER" });
    await testDb.db.outboxEvent.deleteMany();
    await expect(api.member.leave({ projectId })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/transfer ownership/) });
    expect(await countOutbox(testDb.db)).toBe(0);
    expect(await callerFor(testDb.db, cy).member.leave({ projectId })).toMatchObject({ userId: cy.id });
    const [event] = await readOutbox(testDb.db);
    expect(event).toMatchObject({ type: "member.removed", partitionKey: projectId });
    expect(must(event).event).toMatchObject({ actorid: cy.id, data: { reason: "left" } });
    expect((await api.project.get({ id: projectId })).memberCount).toBe(1);
  });

  it("the owner cannot be removed", async () => {
    await expect(api.member.remove({ projectId, userId: owner.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/owner cannot be removed/) });
    expect(await countOutbox(testDb.db)).toBe(0);
  });
});

describe("member.transferOwnership", () => {
  it("makes the member OWNER and the old owner an EDITOR: two member.updated and project.updated ownerId", async () => {
    await addMember(testDb.db, { owner, projectId, member: bo, role: "VIEWER" });
    await testDb.db.outboxEvent.deleteMany();
    const view = await api.member.transferOwnership({ projectId, userId: bo.id });
    expect(view).toMatchObject({ role: "EDITOR", ownerId: bo.id, version: 2 });
    expect(await callerFor(testDb.db, bo).project.get({ id: projectId })).toMatchObject({ role: "OWNER" });
    const events = await readOutbox(testDb.db);
    expect(events.map((e) => [e.type, e.event.subject])).toEqual([
      ["member.updated", owner.id],
      ["member.updated", bo.id],
      ["project.updated", projectId],
    ]);
    expect(must(events[2]).event.data).toMatchObject({ previous: { ownerId: owner.id }, project: { ownerId: bo.id }, changedFields: ["ownerId"] });
    // The old owner may now leave; the new one manages.
    await expect(api.member.invite({ projectId, email: cy.email, role: "VIEWER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await api.member.leave({ projectId });
  });

  it("two transfers at once: one wins, the other is a CONFLICT, and the project has one owner", async () => {
    await addMember(testDb.db, { owner, projectId, member: bo, role: "EDITOR" });
    await addMember(testDb.db, { owner, projectId, member: cy, role: "EDITOR" });
    const results = await Promise.allSettled([bo, cy].map((to) => api.member.transferOwnership({ projectId, userId: to.id })));
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: expect.stringMatching(/^(CONFLICT|FORBIDDEN)$/) } });
    const owners = (await callerFor(testDb.db, bo).member.list({ projectId })).members.filter((m) => m.role === "OWNER");
    expect(owners).toHaveLength(1);
  });

  it("refuses a transfer to a non-member or to oneself, changing nothing", async () => {
    await expect(api.member.transferOwnership({ projectId, userId: cy.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Member not found" });
    await expect(api.member.transferOwnership({ projectId, userId: owner.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/already own/) });
    expect(await api.project.get({ id: projectId })).toMatchObject({ ownerId: owner.id, role: "OWNER", version: 1 });
    expect(await countOutbox(testDb.db)).toBe(0);
  });
});
