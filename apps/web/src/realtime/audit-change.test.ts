// A pushed "audit" change refetches exactly the cached audit lists the new entry belongs to (the
// audit page with its filters, a task's history) and leaves the others and the task lists alone.
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { TListAuditEntriesInput } from "@/audit/list-audit-entries.schema";
import { queryKeys } from "@/trpc/testing/query-keys";
import { applyChange } from "./apply-change";
import { auditEntryMatches } from "./audit-change";
import type { TUserChange } from "./list-changes-since.schema";

type AuditListInput = NonNullable<TListAuditEntriesInput>;
const TASK = "7d3c1a52-2f0e-4a8e-9d6b-0c1f2e3a4b5c";
const OTHER = "0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b";
// As the audit page and the editor's TaskHistory query it (audit-timeline.tsx).
const auditKey = (input: AuditListInput) => queryKeys.audit.list.infiniteQueryKey(input);
const taskListKey = queryKeys.task.list.infiniteQueryKey({});
const auditChange = (payload: object): TUserChange => ({ seq: 7, kind: "audit", entityId: "entry-1", version: 2, payload });

function cached(client: QueryClient, input: AuditListInput) {
  client.setQueryData(auditKey(input), { pages: [{ items: [], nextCursor: null }], pageParams: [null] });
}
const stale = (client: QueryClient, input: AuditListInput) => client.getQueryState(auditKey(input))?.isInvalidated;

describe("applyChange on an audit entry", () => {
  it("refetches the audit lists whose filters the entry passes, and only those", () => {
    const client = new QueryClient();
    const lists: AuditListInput[] = [
      {},
      { taskId: TASK, limit: 20 },
      { taskId: OTHER, limit: 20 },
      { types: ["task.updated", "task.completed"] },
      { types: ["task.deleted"] },
      { from: "2026-11-22T00:00:00.000Z", to: "2026-11-22T23:59:59.999Z" },
      { from: "2026-11-23T00:00:00.000Z" },
      { to: "2026-11-21T23:59:59.999Z" },
    ];
    for (const input of lists) cached(client, input);
    client.setQueryData(taskListKey, { pages: [], pageParams: [] });

    const result = applyChange(client, auditChange({ type: "task.updated", taskId: TASK, occurredAt: "2026-11-22T13:57:00.000Z" }), new Map());

    expect(result).toBe("applied");
    expect(lists.map((input) => stale(client, input))).toEqual([true, true, false, true, false, true, false, false]);
    expect(client.getQueryState(taskListKey)?.isInvalidated).toBe(false);
  });

  it("treats a payload it cannot read as belonging everywhere rather than missing an entry", () => {
    expect(auditEntryMatches({ types: ["task.created"], taskId: TASK, from: "2026-01-01T00:00:00.000Z" }, {})).toBe(true);
    expect(auditEntryMatches({ taskId: TASK }, { type: "reminder.fired", taskId: null, occurredAt: "2026-11-22T13:57:00.000Z" })).toBe(false);
  });
});
