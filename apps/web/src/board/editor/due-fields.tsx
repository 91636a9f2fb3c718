"use client";
// Due date, time or all-day, and the time zone the task lives in.
import { useMemo } from "react";
import type { EditorDraft } from "./editor-draft";
import { errorProps, FieldErrorText } from "./field-error";

type Props = {
  draft: EditorDraft;
  set: (patch: Partial<EditorDraft>) => void;
  errors: Record<string, string>;
};

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

export function DueFields({ draft, set, errors }: Props) {
  const zones = useMemo(() => timeZones(draft.timeZone), [draft.timeZone]);
  const dueError = errors.dueAt ?? errors.allDay;
  return (
    <fieldset className="field-group">
      <legend className="field-label">Due</legend>
      <div className="inline-fields">
        <label className="check-inline">
          <input type="checkbox" checked={draft.hasDue} onChange={(e) => set({ hasDue: e.target.checked, dueDay: draft.dueDay || new Date().toISOString().slice(0, 10) })} />
          Has a due date
        </label>
        {draft.hasDue && (
          <label className="check-inline">
            <input type="checkbox" checked={draft.allDay} onChange={(e) => set({ allDay: e.target.checked })} />
            All day
          </label>
        )}
      </div>
      {draft.hasDue && (
        <div className="inline-fields">
          <label className="field compact">
            <span className="field-label small">Date</span>
            <input type="date" value={draft.dueDay} onChange={(e) => set({ dueDay: e.target.value })} required {...errorProps("due-error", dueError)} />
          </label>
          {!draft.allDay && (
            <label className="field compact">
              <span className="field-label small">Time</span>
              <input type="time" value={draft.dueTime} onChange={(e) => set({ dueTime: e.target.value })} />
            </label>
          )}
          <label className="field compact grow">
            <span className="field-label small">Time zone</span>
            <select value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value })} {...errorProps("zone-error", errors.timeZone)}>
              {zones.map((z) => <option key={z} value={z}>{z.replaceAll("_", " ")}</option>)}
            </select>
          </label>
        </div>
      )}
      <FieldErrorText id="due-error" message={dueError} />
      <FieldErrorText id="zone-error" message={errors.timeZone} />
    </fieldset>
  );
}
