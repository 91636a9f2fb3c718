"use client";
// Repeat presets plus a custom rule (every N days/weeks/months/years, weekdays, end), and whether
// the next occurrence follows the schedule or the completion date.
import { describeRecurrence, WEEKDAY_LABEL, WEEKDAYS, type RecurrenceDraft, type RecurrencePreset } from "../recurrence-rule";
import { buildRruleFromDraft } from "../recurrence-rule";
import type { EditorDraft } from "./editor-draft";
import { errorProps, FieldErrorText } from "./field-error";

type Props = { draft: EditorDraft; set: (patch: Partial<EditorDraft>) => void; errors: Record<string, string> };

const PRESETS: { value: RecurrencePreset; label: string }[] = [
  { value: "none", label: "Does not repeat" },
  { value: "daily", label: "Every day" },
  { value: "weekdays", label: "Every weekday (Mon–Fri)" },
  { value: "weekly", label: "Every week" },
  { value: "monthly", label: "Every month" },
  { value: "yearly", label: "Every year" },
  { value: "custom", label: "Custom…" },
];

const UNIT: Record<RecurrenceDraft["freq"], string> = { DAILY: "days", WEEKLY: "weeks", MONTHLY: "months", YEARLY: "years" };

function summary(r: RecurrenceDraft): string | null {
  try {
    return describeRecurrence(buildRruleFromDraft(r));
  } catch (error) {
    return error instanceof Error ? error.message : null;
  }
}

export function RecurrenceFields({ draft, set, errors }: Props) {
  const r = draft.recurrence;
  // Any change to the custom fields replaces a rule the form could not model.
  const setR = (patch: Partial<RecurrenceDraft>) => set({ recurrence: { ...r, ...patch, verbatim: null } });
  const error = errors.rrule ?? errors.recurrenceMode;
  return (
    <fieldset className="field-group">
      <legend className="field-label">Repeat</legend>
      <div className="inline-fields">
        <label className="field compact grow">
          <span className="field-label small" aria-hidden="true">How often</span>
          <select aria-label="Repeat" value={r.preset} onChange={(e) => set({ recurrence: { ...r, preset: e.target.value as RecurrencePreset } })} {...errorProps("repeat-error", error)}>
            {PRESETS.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          </select>
        </label>
        {r.preset !== "none" && (
          <label className="field compact grow">
            <span className="field-label small" aria-hidden="true">Next date counts from</span>
            <select aria-label="Repeat mode" value={draft.recurrenceMode} onChange={(e) => set({ recurrenceMode: e.target.value as EditorDraft["recurrenceMode"] })}>
              <option value="FIXED">On a fixed schedule</option>
              <option value="FROM_COMPLETION">From the completion date</option>
            </select>
          </label>
        )}
      </div>
      {r.preset === "custom" && (
        <div className="custom-repeat">
          {r.verbatim && <p className="muted small">Current rule: <code>{r.verbatim}</code> ({describeRecurrence(r.verbatim)}). Editing below replaces it.</p>}
          <div className="inline-fields">
            <label className="field compact narrow">
              <span className="field-label small">Every</span>
              <input type="number" min={1} max={999} value={r.interval} onChange={(e) => setR({ interval: Number(e.target.value) })} />
            </label>
            <label className="field compact">
              <span className="field-label small">Unit</span>
              <select value={r.freq} onChange={(e) => setR({ freq: e.target.value as RecurrenceDraft["freq"] })}>
                {(Object.keys(UNIT) as RecurrenceDraft["freq"][]).map((f) => <option key={f} value={f}>{UNIT[f]}</option>)}
              </select>
            </label>
          </div>
          {r.freq === "WEEKLY" && (
            <div className="weekday-picker" role="group" aria-label="On days">
              {WEEKDAYS.map((d) => (
                <button
                  key={d}
                  type="button"
                  aria-pressed={r.byDay.includes(d)}
                  className={r.byDay.includes(d) ? "is-selected" : ""}
                  onClick={() => setR({ byDay: r.byDay.includes(d) ? r.byDay.filter((x) => x !== d) : [...r.byDay, d] })}
                >
                  {WEEKDAY_LABEL[d]}
                </button>
              ))}
            </div>
          )}
          <div className="inline-fields">
            <label className="field compact">
              <span className="field-label small">Ends</span>
              <select value={r.end} onChange={(e) => setR({ end: e.target.value as RecurrenceDraft["end"] })}>
                <option value="never">Never</option>
                <option value="until">On a date</option>
                <option value="count">After a number of times</option>
              </select>
            </label>
            {r.end === "until" && (
              <label className="field compact">
                <span className="field-label small">End date</span>
                <input type="date" value={r.until} onChange={(e) => setR({ until: e.target.value })} />
              </label>
            )}
            {r.end === "count" && (
              <label className="field compact narrow">
                <span className="field-label small">Times</span>
                <input type="number" min={1} max={1000} value={r.count} onChange={(e) => setR({ count: Number(e.target.value) })} />
              </label>
            )}
          </div>
        </div>
      )}
      {r.preset !== "none" && <p className="muted small" aria-live="polite">{summary(r)}</p>}
      <FieldErrorText id="repeat-error" message={error} />
    </fieldset>
  );
}
