// Project, section, invitation and membership history entries as one sentence naming who acted:
// "Ana invited bob@x.test as editor", "Bob left the project", "You renamed the section “Doing” →
// “In progress”". Pure, like describe-change.ts, which uses it for these event types.
import { PROJECT_AUDIT_EVENT_TYPES, type TAuditSubject } from "./list-audit-entries.schema";

const PROJECT_TYPES: ReadonlySet<string> = new Set(PROJECT_AUDIT_EVENT_TYPES);

export function isProjectEvent(type: string): boolean {
  return PROJECT_TYPES.has(type);
}

export interface ProjectEventLike {
  type: string;
  /** "You", a member's name, or a consumer's. */
  actorName: string;
  subject: TAuditSubject | null;
}

/** An entry that holds no details: the sentence still names who acted. */
export const NO_SUBJECT: TAuditSubject = {
  name: null,
  previousName: null,
  email: null,
  role: null,
  previousRole: null,
  status: null,
  reason: null,
  changedFields: [],
  archived: null,
  memberIsActor: false,
};

const ROLE_WORD: Record<string, string> = { OWNER: "owner", EDITOR: "editor", VIEWER: "viewer" };
const role = (value: string | null) => (value ? (ROLE_WORD[value] ?? value.toLowerCase()) : "member");
/** " as editor", or nothing when the entry does not say. */
const asRole = (value: string | null) => (value ? ` as ${role(value)}` : "");
const withArticle = (word: string) => `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;
const quoted = (name: string | null, fallback: string) => (name ? `“${name}”` : fallback);
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function describeProjectEvent({ type, actorName: actor, subject }: ProjectEventLike): string {
  const s = subject ?? NO_SUBJECT;
  const member = s.name ?? "a member";
  const invitee = s.email ?? "someone";
  const renamed = s.changedFields.includes("name") && s.previousName && s.name;
  switch (type) {
    case "project.created":
      return `${actor} created the project ${quoted(s.name, "")}`.trimEnd();
    case "project.updated":
      if (s.changedFields.includes("ownerId")) return `${actor} handed the project over to a new owner`;
      if (s.changedFields.includes("archivedAt")) return `${actor} ${s.archived === false ? "unarchived" : "archived"} the project`;
      if (renamed) return `${actor} renamed the project “${s.previousName}” → “${s.name}”`;
      if (s.changedFields.includes("color")) return `${actor} changed the project's colour`;
      return `${actor} changed the project`;
    case "project.deleted":
      return `${actor} deleted the project ${quoted(s.name, "")}`.trimEnd();
    case "project.restored":
      return `${actor} restored the project ${quoted(s.name, "")}`.trimEnd();
    case "section.created":
      return `${actor} added the section ${quoted(s.name, "")}`.trimEnd();
    case "section.updated":
      if (renamed) return `${actor} renamed the section “${s.previousName}” → “${s.name}”`;
      return `${actor} moved the section ${quoted(s.name, "")}`.trimEnd();
    case "section.deleted": {
      const tasks = s.reason === "deleted" ? " and its tasks" : s.reason === "moved" ? " (its tasks were moved)" : "";
      return `${actor} deleted the section ${quoted(s.name, "")}`.trimEnd() + tasks;
    }
    case "invitation.created":
      return `${actor} invited ${invitee}${asRole(s.role)}`;
    case "invitation.closed":
      if (s.status === "ACCEPTED") return `${actor} accepted the invitation (${invitee})`;
      if (s.status === "DECLINED") return `${actor} declined the invitation (${invitee})`;
      return `${actor} withdrew the invitation to ${invitee}`;
    case "member.added":
      if (s.memberIsActor) return `${capitalized(member)} joined the project${asRole(s.role)}`;
      return `${actor} added ${member}${asRole(s.role)}`;
    case "member.updated":
      if (s.role === "OWNER") return `${capitalized(member)} became the owner`;
      return `${actor} made ${member} ${withArticle(role(s.role))}`;
    case "member.removed":
      if (s.reason === "left" || s.memberIsActor) return `${capitalized(member)} left the project`;
      return `${actor} removed ${member} from the project`;
    default:
      return `${actor}: ${type}`;
  }
}
