// What a project, section, invitation or membership history entry is about, read from its stored
// snapshots. The audit consumer may store the event's data ({ member, reason }, { previous,
// project, changedFields }) or the entity itself; both are read, and a missing field is null, so a
// stored entry never fails the page.
import type { AuditEntryRow } from "@taskboard/db";
import type { TAuditSubject } from "./list-audit-entries.schema";

type Rec = Record<string, unknown>;

const ENTITY_KEY: Record<string, string> = { project: "project", section: "section", invitation: "invitation", member: "member" };

const asRecord = (value: unknown): Rec | null => (value && typeof value === "object" && !Array.isArray(value) ? (value as Rec) : null);
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** The entity inside event data ({ member: {...} }), or the value itself when it is the entity. */
function entityOf(value: unknown, key: string): Rec | null {
  const record = asRecord(value);
  if (!record) return null;
  return asRecord(record[key]) ?? record;
}

function changedFieldsOf(data: Rec | null, diff: unknown): string[] {
  const listed = data?.changedFields;
  if (Array.isArray(listed)) return listed.filter((field): field is string => typeof field === "string");
  if (!Array.isArray(diff)) return [];
  return diff.map((change) => str(asRecord(change)?.field)).filter((field): field is string => field !== null);
}

/** null for task and reminder entries; `readerId` turns the reader's own membership into "you". */
export function auditSubject(row: Pick<AuditEntryRow, "type" | "actor" | "snapshot" | "previous" | "diff">, readerId: string): TAuditSubject | null {
  const key = ENTITY_KEY[row.type.split(".")[0] ?? ""];
  if (!key) return null;
  const data = asRecord(row.snapshot);
  const entity = entityOf(row.snapshot, key);
  const previous = entityOf(row.previous, key) ?? entityOf(data?.previous, key);
  const memberId = key === "member" ? str(entity?.userId) : null;
  const tasks = asRecord(data?.tasks);
  return {
    name: memberId !== null && memberId === readerId ? "you" : str(entity?.name),
    previousName: str(previous?.name),
    email: str(entity?.email),
    role: str(entity?.role),
    previousRole: str(previous?.role),
    status: str(entity?.status),
    reason: str(data?.reason) ?? str(tasks?.action),
    changedFields: changedFieldsOf(data, row.diff),
    archived: key === "project" && entity && "archivedAt" in entity ? entity.archivedAt !== null : null,
    memberIsActor: memberId !== null && memberId === row.actor,
  };
}
