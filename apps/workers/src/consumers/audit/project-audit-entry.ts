// A project event (project.*, section.*, member.*, invitation.*) as an audit entry: the thing it
// is about as its snapshot, its state before (when the event carries one) and what changed. A
// removal or deletion records the fields it ends ("member": before → none). The entry belongs to
// the person who acted (`actorid`; every producer of project events sets it) and to the project,
// whose members read it in the project's history.
import type { AuditDiffEntry, AuditEntryInput } from "@taskboard/db";
import type { ProjectEvent } from "../project-event.ts";
import { entryEnvelope } from "./entry-envelope.ts";
import { projectSnapshotDiff } from "./project-snapshot-diff.ts";

interface Subject {
  projectId: string;
  version: number | null;
  previous: Record<string, unknown> | null;
  snapshot: Record<string, unknown>;
  diff: AuditDiffEntry[];
}

function changed(previous: Record<string, unknown> | null, snapshot: Record<string, unknown>, version: number | null, projectId: string): Subject {
  return { projectId, version, previous, snapshot, diff: projectSnapshotDiff(previous, snapshot) };
}

function ended(snapshot: Record<string, unknown>, field: string, version: number | null, projectId: string): Subject {
  return { projectId, version, previous: snapshot, snapshot, diff: [{ field, before: snapshot, after: null }] };
}

function subjectOf(event: ProjectEvent): Subject {
  switch (event.type) {
    case "project.created":
    case "project.restored":
      return changed(null, event.data.project, event.data.project.version, event.data.project.id);
    case "project.updated":
      return changed(event.data.previous, event.data.project, event.data.project.version, event.data.project.id);
    case "project.deleted":
      return ended(event.data.project, "project", event.data.project.version, event.data.project.id);
    case "section.created":
      return changed(null, event.data.section, event.data.section.version, event.data.section.projectId);
    case "section.updated":
      return changed(event.data.previous, event.data.section, event.data.section.version, event.data.section.projectId);
    case "section.deleted":
      return { ...ended(event.data.section, "section", event.data.section.version, event.data.section.projectId), snapshot: { ...event.data.section, tasks: event.data.tasks } };
    case "member.added":
      return changed(null, event.data.member, null, event.data.member.projectId);
    case "member.updated":
      return changed(event.data.previous, event.data.member, null, event.data.member.projectId);
    case "member.removed":
      return { ...ended(event.data.member, "member", null, event.data.member.projectId), snapshot: { ...event.data.member, reason: event.data.reason } };
    case "invitation.created":
      return changed(null, event.data.invitation, null, event.data.invitation.projectId);
    case "invitation.closed":
      return changed({ ...event.data.invitation, status: "PENDING", respondedAt: null }, event.data.invitation, null, event.data.invitation.projectId);
  }
}

export function projectAuditEntry(event: ProjectEvent): AuditEntryInput {
  const { projectId, version, previous, snapshot, diff } = subjectOf(event);
  const envelope = entryEnvelope(event);
  return {
    ...envelope,
    // The partition key is the project: the entry's owner is the person who acted.
    userId: envelope.actor,
    taskId: null,
    projectId,
    version,
    previous,
    snapshot,
    diff,
  };
}
