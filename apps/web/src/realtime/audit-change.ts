// An "audit" change of the user's feed: a new audit entry. The entry's list shape (actor as
// "you", what caused it) is the server's to build, so the tab refetches just the cached
// audit.list queries (the audit page, the editor's TaskHistory) whose filters the entry passes.
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { TListAuditEntriesInput } from "@/audit/list-audit-entries.schema";
import { queryKeys } from "@/trpc/query-keys";

/** What the audit consumer puts in the change's payload. */
export interface AuditChangePayload {
  type: string;
  taskId: string | null;
  occurredAt: string;
}

type AuditListInput = NonNullable<TListAuditEntriesInput>;

export function applyAuditChange(client: QueryClient, payload: AuditChangePayload): void {
  void client.invalidateQueries(
    queryKeys.audit.list.pathFilter({ predicate: (query) => auditEntryMatches(inputOf(query.queryKey), payload) }),
  );
}

/** Whether a list with these filters would show the entry (unknown payloads: yes, to be safe). */
export function auditEntryMatches(input: AuditListInput, entry: Partial<AuditChangePayload>): boolean {
  if (input.types?.length && entry.type && !(input.types as string[]).includes(entry.type)) return false;
  if (input.taskId && entry.taskId !== undefined && input.taskId !== entry.taskId) return false;
  const at = entry.occurredAt ? Date.parse(entry.occurredAt) : Number.NaN;
  if (Number.isNaN(at)) return true;
  if (input.from && at < Date.parse(input.from)) return false;
  if (input.to && at > Date.parse(input.to)) return false;
  return true;
}

function inputOf(key: QueryKey): AuditListInput {
  const meta = key[1] as { input?: AuditListInput } | undefined;
  return meta?.input ?? {};
}

/** Every audit list: after a gap in the feed too large to replay. */
export function invalidateAuditLists(client: QueryClient): Promise<void> {
  return client.invalidateQueries(queryKeys.audit.list.pathFilter());
}
