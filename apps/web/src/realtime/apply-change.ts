// Applies one change of the user's feed to this tab's caches. Task changes go through the board's
// task cache (board/task-cache.ts): the task is replaced, inserted at its sorted place or removed
// in every cached list according to that list's filters, and updated in task.get. A snapshot whose
// version is not newer than the one already seen is ignored (docs/invariants.md #4), including one
// that arrives after the task's removal. No refetch, except the notification queries a
// "notification" change makes stale and the audit lists an "audit" change adds to (audit-change.ts).
// Project, section, membership and invitation changes: apply-project-change.ts.
import type { QueryClient } from "@tanstack/react-query";
import { cachedVersion, placeTaskEverywhere, withMoveAsked } from "@/board/task-cache";
import type { Task } from "@/board/types";
import { queryKeys } from "@/trpc/query-keys";
import { applyProjectChange, isProjectChange, type ProjectChangeHooks } from "./apply-project-change";
import { applyAuditChange, type AuditChangePayload } from "./audit-change";
import type { TUserChange } from "./list-changes-since.schema";

/** Highest task version seen per task id, across lists and removals. Lives as long as the tab. */
export type VersionLedger = Map<string, number>;

export type ApplyResult = "applied" | "stale" | "ignored";

export function applyChange(
  client: QueryClient,
  change: TUserChange,
  ledger: VersionLedger,
  now = new Date(),
  hooks: ProjectChangeHooks = {},
): ApplyResult {
  if (isProjectChange(change)) {
    applyProjectChange(client, change, hooks);
    return "applied";
  }
  if (change.kind === "notification") {
    void client.invalidateQueries(queryKeys.notification.pathFilter());
    return "applied";
  }
  if (change.kind === "audit") {
    applyAuditChange(client, (change.payload ?? {}) as AuditChangePayload);
    return "applied";
  }
  if (change.kind !== "task.upserted" && change.kind !== "task.removed") return "ignored";
  const held = Math.max(ledger.get(change.entityId) ?? 0, cachedVersion(client, change.entityId));
  if (change.version <= held) return "stale";
  ledger.set(change.entityId, change.version);

  // A card this tab is still moving stays where the user put it (task-cache.ts, movesAsked).
  const task = withMoveAsked(client, change.payload as Task);
  const upsert = change.kind === "task.upserted" && !task.deletedAt;
  placeTaskEverywhere(client, change.entityId, upsert ? task : null, now);
  return "applied";
}
