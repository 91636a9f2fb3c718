"use client";
// The audit page ("History" in the app header): filters (event types, task, date range) kept in the URL, and the timeline.
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { AuditTimeline, type AuditFilter } from "./audit-timeline";
import { EVENT_HEADLINE } from "./describe-change";
import { HistoryShell } from "./history-shell";
import { TASK_AUDIT_EVENT_TYPES as AUDIT_EVENT_TYPES } from "./list-audit-entries.schema";

/** The user's own trail holds their tasks' and reminders' entries. */
type EventType = (typeof AUDIT_EVENT_TYPES)[number];

/** A local "YYYY-MM-DD" as the instant its day starts (from) or ends (to), in the browser's zone. */
function dayBound(day: string | null, end: boolean): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (end) {
    date.setDate(date.getDate() + 1);
    date.setMilliseconds(-1);
  }
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function AuditPage() {
  const params = useSearchParams();
  const router = useRouter();
  const typesInUrl = params.getAll("type").filter((t): t is EventType => (AUDIT_EVENT_TYPES as readonly string[]).includes(t)).join(",");
  // The boxes follow a click at once; the URL (and so the query) follows router.replace.
  const [types, setTypes] = useState<EventType[]>(() => (typesInUrl ? (typesInUrl.split(",") as EventType[]) : []));
  // A URL change from elsewhere (back, a link) resets the boxes, during render rather than in an effect.
  const [typesSeen, setTypesSeen] = useState(typesInUrl);
  if (typesSeen !== typesInUrl) {
    setTypesSeen(typesInUrl);
    setTypes(typesInUrl ? (typesInUrl.split(",") as EventType[]) : []);
  }
  const taskId = params.get("task") ?? undefined;
  const from = params.get("from");
  const to = params.get("to");
  const filter: AuditFilter = {
    types: types.length > 0 ? types : undefined,
    taskId: taskId && /^[0-9a-f-]{36}$/i.test(taskId) ? taskId : undefined,
    from: dayBound(from, false),
    to: dayBound(to, true),
  };

  function update(change: (next: URLSearchParams) => void) {
    const next = new URLSearchParams(params.toString());
    change(next);
    router.replace(`/audit${next.size > 0 ? `?${next.toString()}` : ""}`);
  }

  return (
    <HistoryShell title="History" intro="Every change to your tasks and reminders, newest first. New entries appear as they happen." live>
      <section className="audit-filters" aria-label="Filters">
        <fieldset>
          <legend className="visually-hidden">Event types</legend>
          {AUDIT_EVENT_TYPES.map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={types.includes(type)}
                onChange={(e) => {
                  const chosen = e.target.checked ? [...types, type] : types.filter((t) => t !== type);
                  setTypes(chosen);
                  update((next) => {
                    next.delete("type");
                    for (const t of chosen) next.append("type", t);
                  });
                }}
              />
              {EVENT_HEADLINE[type]}
            </label>
          ))}
        </fieldset>
        <div className="audit-filters-row">
          <label>
            From <input type="date" value={from ?? ""} onChange={(e) => update((next) => (e.target.value ? next.set("from", e.target.value) : next.delete("from")))} />
          </label>
          <label>
            To <input type="date" value={to ?? ""} onChange={(e) => update((next) => (e.target.value ? next.set("to", e.target.value) : next.delete("to")))} />
          </label>
          {filter.taskId && (
            <span className="small">
              One task only · <button type="button" className="button ghost small" onClick={() => update((next) => next.delete("task"))}>Show all tasks</button>
            </span>
          )}
        </div>
      </section>
      <AuditTimeline filter={filter} />
    </HistoryShell>
  );
}
