"use client";
// No reminder, a reminder at a moment, or one N minutes / hours / days before the due time.
import type { EditorDraft, ReminderUnit } from "./editor-draft";
import { errorProps, FieldErrorText } from "./field-error";

type Props = { draft: EditorDraft; set: (patch: Partial<EditorDraft>) => void; errors: Record<string, string> };

export function ReminderFields({ draft, set, errors }: Props) {
  const error = errors.remindAt ?? errors.remindBeforeMinutes;
  return (
    <fieldset className="field-group">
      <legend className="field-label">Reminder</legend>
      <div className="inline-fields">
        <label className="field compact">
          <span className="field-label small" aria-hidden="true">When</span>
          <select aria-label="Reminder" value={draft.reminder} onChange={(e) => set({ reminder: e.target.value as EditorDraft["reminder"] })} {...errorProps("reminder-error", error)}>
            <option value="none">No reminder</option>
            <option value="at">At a time</option>
            <option value="before" disabled={!draft.hasDue}>Before due{draft.hasDue ? "" : " (set a due date)"}</option>
          </select>
        </label>
        {draft.reminder === "at" && (
          <>
            <label className="field compact">
              <span className="field-label small">Remind on</span>
              <input type="date" value={draft.remindDay} onChange={(e) => set({ remindDay: e.target.value })} />
            </label>
            <label className="field compact">
              <span className="field-label small">at</span>
              <input type="time" value={draft.remindTime} onChange={(e) => set({ remindTime: e.target.value })} />
            </label>
          </>
        )}
        {draft.reminder === "before" && (
          <>
            <label className="field compact narrow">
              <span className="field-label small">How long</span>
              <input type="number" min={0} step={1} value={draft.beforeAmount} onChange={(e) => set({ beforeAmount: Number(e.target.value) })} />
            </label>
            <label className="field compact">
              <span className="field-label small">Unit</span>
              <select value={draft.beforeUnit} onChange={(e) => set({ beforeUnit: e.target.value as ReminderUnit })}>
                <option value="minutes">minutes before</option>
                <option value="hours">hours before</option>
                <option value="days">days before</option>
              </select>
            </label>
          </>
        )}
      </div>
      <FieldErrorText id="reminder-error" message={error} />
    </fieldset>
  );
}
