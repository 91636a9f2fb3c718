// The field-level diff of a project, section, membership or invitation: every field whose value
// changed, bookkeeping (ids, version, timestamps the change itself stamps) left out. With no
// "before" (created, added), the fields it was created with, empty ones left out.
import type { AuditDiffEntry } from "@taskboard/db";

const BOOKKEEPING = new Set(["id", "projectId", "version", "createdAt", "updatedAt"]);

export function projectSnapshotDiff(previous: Record<string, unknown> | null, next: Record<string, unknown>): AuditDiffEntry[] {
  return Object.keys(next)
    .filter((field) => !BOOKKEEPING.has(field))
    .flatMap((field) => {
      const after = next[field] ?? null;
      const before = previous ? (previous[field] ?? null) : null;
      if (JSON.stringify(before) === JSON.stringify(after)) return [];
      if (!previous && (after === null || after === "")) return [];
      return [{ field, before, after }];
    });
}
