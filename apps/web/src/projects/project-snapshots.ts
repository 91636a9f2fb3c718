// The snapshots the API returns and project events carry, typed as the events' schemas; the row
// mappings live in packages/db (project-snapshots.ts) so the workers build identical ones.
import {
  invitationRowToSnapshot,
  memberRowToSnapshot,
  projectRowToSnapshot,
  sectionRowToSnapshot,
  type InvitationRow,
  type MemberRow,
  type ProjectRow,
  type SectionRow,
} from "@taskboard/db";
import type { TInvitationSnapshot, TMemberSnapshot, TProjectSnapshot, TSectionSnapshot } from "@taskboard/events";

export const toProjectSnapshot = (row: ProjectRow): TProjectSnapshot => projectRowToSnapshot(row);
export const toSectionSnapshot = (row: SectionRow): TSectionSnapshot => sectionRowToSnapshot(row);
export const toMemberSnapshot = (row: MemberRow): TMemberSnapshot => memberRowToSnapshot(row);
export const toInvitationSnapshot = (row: InvitationRow): TInvitationSnapshot => invitationRowToSnapshot(row);

/** Snapshot fields whose value differs, in snapshot order (version and updatedAt excluded). */
export function changedFields<T extends object>(previous: T, next: T): string[] {
  const ignored = new Set(["version", "updatedAt"]);
  return (Object.keys(next) as (keyof T & string)[]).filter(
    (key) => !ignored.has(key) && JSON.stringify(previous[key]) !== JSON.stringify(next[key]),
  );
}

/** The entries of `patch` that would change `current` (a patch that changes nothing is no change). */
export function effectivePatch<P extends object>(current: { [K in keyof P]: unknown }, patch: P): Partial<P> {
  return Object.fromEntries(
    Object.entries(patch).filter(([key, value]) => value !== undefined && value !== current[key as keyof P]),
  ) as Partial<P>;
}
