// The field-level diff an audit entry keeps: what a person would call a change. Bookkeeping
// fields (ids, version, timestamps the change itself stamps, the series' start that follows the
// due date) are left out; tags compare by name, and a tag that only changed colour gets a
// "tagColors" entry of its own.
import type { AuditDiffEntry } from "@taskboard/db";
import type { TTaskSnapshot } from "@taskboard/events";

const BOOKKEEPING = new Set<keyof TTaskSnapshot>(["id", "userId", "version", "createdAt", "updatedAt", "seriesStartAt"]);

type TTag = TTaskSnapshot["tags"][number];

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
    const changed = JSON.stringify(before) !== JSON.stringify(after);
    // A new task's empty fields are not "changes".
    const unset = !previous && (after === null || after === "" || (Array.isArray(after) && after.length === 0));
    if (changed && !unset) diff.push({ field, before, after });
    if (field === "tags" && previous) diff.push(...tagColorChange(previous.tags, next.tags));
  }
  return diff;
}

/** "home #64748b" → "home #ff0000" for each tag the task kept whose colour changed. */
function tagColorChange(before: readonly TTag[], after: readonly TTag[]): AuditDiffEntry[] {
  const old = new Map(before.map((tag) => [tag.id, tag]));
  const pairs = after.flatMap((tag) => {
    const was = old.get(tag.id);
    return was && was.color !== tag.color ? [{ was, tag }] : [];
  });
  if (pairs.length === 0) return [];
  return [
    {
      field: "tagColors",
      before: pairs.map(({ was }) => `${was.name} ${was.color}`),
      after: pairs.map(({ tag }) => `${tag.name} ${tag.color}`),
    },
  ];
}
