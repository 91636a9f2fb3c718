// Reading what a project entry is about from the snapshots the audit consumer stores, whether it
// stored the event's data or the entity itself.
import { describe, expect, it } from "vitest";
import { auditSubject } from "./audit-subject";

const row = (type: string, snapshot: object | null, previous: object | null = null, actor = "ana") => ({ type, actor, snapshot, previous, diff: [] });

describe("auditSubject", () => {
  it("reads the event's data: the member, the reason, the previous role", () => {
    const member = { userId: "bob", name: "Bob", role: "VIEWER" };
    expect(auditSubject(row("member.removed", { member, reason: "left" }, null, "bob"), "ana")).toMatchObject({
      name: "Bob",
      reason: "left",
      memberIsActor: true,
    });
    expect(auditSubject(row("member.updated", { previous: { ...member, role: "EDITOR" }, member }), "ana")).toMatchObject({ role: "VIEWER", previousRole: "EDITOR" });
  });

  it("reads the entity itself, and calls the reader's own membership 'you'", () => {
    expect(auditSubject(row("member.added", { userId: "bob", name: "Bob", role: "EDITOR" }), "bob")).toMatchObject({ name: "you", role: "EDITOR" });
    expect(auditSubject(row("project.updated", { project: { name: "House", archivedAt: null }, changedFields: ["name"] }, { name: "Home" }), "ana")).toMatchObject({
      name: "House",
      previousName: "Home",
      changedFields: ["name"],
      archived: false,
    });
  });

  it("reads the audit consumer's shape: the entity with the removal's reason or the section's tasks merged in", () => {
    const removed = { projectId: "p", userId: "bob", name: "Bob", role: "EDITOR", reason: "removed" };
    expect(auditSubject({ ...row("member.removed", removed, removed), diff: [{ field: "member", before: removed, after: null }] }, "ana")).toMatchObject({
      name: "Bob",
      reason: "removed",
      memberIsActor: false,
    });
    const section = { id: "s", name: "Doing", tasks: { action: "moved", toSectionId: null } };
    expect(auditSubject(row("section.deleted", section), "ana")).toMatchObject({ name: "Doing", reason: "moved" });
  });

  it("is null for task entries and never fails on odd snapshots", () => {
    expect(auditSubject(row("task.updated", { title: "x" }), "ana")).toBeNull();
    expect(auditSubject(row("section.deleted", null), "ana")).toMatchObject({ name: null, changedFields: [] });
    expect(auditSubject({ type: "invitation.created", actor: "ana", snapshot: [1, 2], previous: "x", diff: "nope" }, "ana")).toMatchObject({ email: null });
  });
});
