// Project, section, invitation and membership entries read as one sentence naming who acted.
import { PROJECT_EVENT_DEFINITIONS } from "@taskboard/events";
import { describe, expect, it } from "vitest";
import { describeDiff, describeHeadline } from "./describe-change";
import { NO_SUBJECT } from "./describe-project-event";
import { PROJECT_AUDIT_EVENT_TYPES, type TAuditSubject } from "./list-audit-entries.schema";

const said = (type: string, actorName: string, subject: Partial<TAuditSubject>) =>
  describeHeadline({ type, actor: "someone", actorName, subject: { ...NO_SUBJECT, ...subject } });

describe("project history in words", () => {
  it("knows every project event type there is", () => {
    expect([...PROJECT_AUDIT_EVENT_TYPES].sort()).toEqual(PROJECT_EVENT_DEFINITIONS.map((definition) => definition.type).sort());
  });

  it("says who invited whom with which role, and how the invitation ended", () => {
    expect(said("invitation.created", "Ana", { email: "bob@x.test", role: "EDITOR" })).toBe("Ana invited bob@x.test as editor");
    expect(said("invitation.closed", "Bob", { email: "bob@x.test", status: "ACCEPTED" })).toBe("Bob accepted the invitation (bob@x.test)");
    expect(said("invitation.closed", "Bob", { email: "bob@x.test", status: "DECLINED" })).toBe("Bob declined the invitation (bob@x.test)");
    expect(said("invitation.closed", "Ana", { email: "bob@x.test", status: "REVOKED" })).toBe("Ana withdrew the invitation to bob@x.test");
  });

  it("says who joined, left, was removed or got another role", () => {
    expect(said("member.added", "Bob", { name: "Bob", role: "EDITOR", memberIsActor: true })).toBe("Bob joined the project as editor");
    expect(said("member.added", "Ana", { name: "Bob", role: "VIEWER" })).toBe("Ana added Bob as viewer");
    expect(said("member.removed", "Bob", { name: "Bob", reason: "left", memberIsActor: true })).toBe("Bob left the project");
    expect(said("member.removed", "Ana", { name: "Bob", reason: "removed" })).toBe("Ana removed Bob from the project");
    expect(said("member.removed", "You", { name: "you", reason: "left", memberIsActor: true })).toBe("You left the project");
    expect(said("member.updated", "Ana", { name: "you", role: "EDITOR", previousRole: "VIEWER" })).toBe("Ana made you an editor");
    expect(said("member.updated", "Ana", { name: "Bob", role: "VIEWER" })).toBe("Ana made Bob a viewer");
    expect(said("member.updated", "Ana", { name: "Bob", role: "OWNER" })).toBe("Bob became the owner");
  });

  it("says what happened to the project and its sections", () => {
    expect(said("project.created", "You", { name: "Home" })).toBe("You created the project “Home”");
    expect(said("project.updated", "Ana", { name: "House", previousName: "Home", changedFields: ["name"] })).toBe("Ana renamed the project “Home” → “House”");
    expect(said("project.updated", "Ana", { changedFields: ["archivedAt"], archived: true })).toBe("Ana archived the project");
    expect(said("project.updated", "Ana", { changedFields: ["archivedAt"], archived: false })).toBe("Ana unarchived the project");
    expect(said("project.updated", "Ana", { changedFields: ["color"] })).toBe("Ana changed the project's colour");
    expect(said("project.deleted", "Ana", { name: "Home" })).toBe("Ana deleted the project “Home”");
    expect(said("project.restored", "Ana", { name: "Home" })).toBe("Ana restored the project “Home”");
    expect(said("section.created", "Bob", { name: "Doing" })).toBe("Bob added the section “Doing”");
    expect(said("section.updated", "Bob", { name: "In progress", previousName: "Doing", changedFields: ["name"] })).toBe(
      "Bob renamed the section “Doing” → “In progress”",
    );
    expect(said("section.updated", "Bob", { name: "Doing", changedFields: ["position"] })).toBe("Bob moved the section “Doing”");
    expect(said("section.deleted", "Bob", { name: "Doing", reason: "deleted" })).toBe("Bob deleted the section “Doing” and its tasks");
    expect(said("section.deleted", "Bob", { name: "Doing", reason: "moved" })).toBe("Bob deleted the section “Doing” (its tasks were moved)");
  });

  it("still says something when the entry holds no details", () => {
    expect(describeHeadline({ type: "member.added", actor: "x", actorName: "Ana", subject: null })).toBe("Ana added a member");
    expect(describeDiff({ type: "member.added", diff: [{ field: "role", before: null, after: "EDITOR" }] })).toEqual([]);
  });
});
