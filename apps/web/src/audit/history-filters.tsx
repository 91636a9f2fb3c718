"use client";
// The "type" and "person" filters of a history page, as two selects. The type list groups task,
// reminder and project events under their headlines; the people are whoever the page offers.
import { EVENT_HEADLINE } from "./describe-change";
import { PROJECT_AUDIT_EVENT_TYPES, TASK_AUDIT_EVENT_TYPES, type TAuditEventType } from "./list-audit-entries.schema";

const TYPE_GROUPS: [string, readonly TAuditEventType[]][] = [
  ["Projects, sections and members", PROJECT_AUDIT_EVENT_TYPES],
  ["Tasks and reminders", TASK_AUDIT_EVENT_TYPES],
];
const TYPE_VALUES: ReadonlySet<string> = new Set([...TASK_AUDIT_EVENT_TYPES, ...PROJECT_AUDIT_EVENT_TYPES]);

/** A type from the URL, or undefined when it is none of ours. */
export function eventTypeOrUndefined(value: string | null): TAuditEventType | undefined {
  return value && TYPE_VALUES.has(value) ? (value as TAuditEventType) : undefined;
}

export function TypeSelect({ value, onChange }: { value: TAuditEventType | undefined; onChange: (type: string) => void }) {
  return (
    <label>
      Type{" "}
      <select value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        <option value="">All changes</option>
        {TYPE_GROUPS.map(([label, types]) => (
          <optgroup key={label} label={label}>
            {types.map((type) => (
              <option key={type} value={type}>
                {EVENT_HEADLINE[type]}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

export interface Choice {
  id: string;
  name: string;
}

export function ChoiceSelect({ label, all, choices, value, onChange }: { label: string; all: string; choices: Choice[]; value: string | undefined; onChange: (id: string) => void }) {
  return (
    <label>
      {label}{" "}
      <select value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
    </label>
  );
}
