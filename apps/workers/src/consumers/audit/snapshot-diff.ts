// The field-level diff an audit entry keeps: what a person would call a change. Bookkeeping
// fields (ids, version, timestamps the change itself stamps, the series' start that follows the
// due date) are left out; tags compare by name.
import type { AuditDiffEntry } from "@taskboard/db";
import type { TTaskSnapshot } from "@taskboard/events";

const BOOKKEEPING = new Set<keyof TTaskSnapshot>(["id", "userId", "version", "createdAt", "updatedAt", "seriesStartAt"]);

function comparable(snapshot: TTaskSnapshot, field: keyof TTaskSnapshot): unknown {
  if (field === "tags") return snapshot.tags.map((tag) => tag.name).sort();
  return snapshot[field];
}

/** Every changed field, in snapshot order; with no `previous`, the fields a new task set. */
export function snapshotDiff(previous: TTaskSnapshot | null, next: TTaskSnapshot): AuditDiffEntry[] {
  const fields = (Object.keys(next) as (keyof TTaskSnapshot)[]).filter((field) => !BOOKKEEPING.has(field));
  const diff: AuditDiffEntry[] = [];
  for (const field of fields) {
    const after = comparable(next, field);
    const before = previous ? comparable(previous, field) : null;
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    // A new task's empty fields are not "changes".
    if (!previous && (after === null || after === "" || (Array.isArray(after) && after.length === 0))) continue;
    diff.push({ field, before, after });
  }
  return diff;
}
