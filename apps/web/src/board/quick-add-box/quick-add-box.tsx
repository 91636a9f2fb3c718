"use client";
// The quick-add box: type a sentence, see what was understood (date, repeat, tags, priority,
// reminder) as chips and highlighted words, press Enter to save.
import { forwardRef, useMemo, useState, type FormEvent } from "react";
import { PlusIcon } from "@/components/icons";
import { parseQuickAdd } from "@/quick-add";
import type { CreateTaskInput } from "../use-task-actions";
import { QuickAddPreview, type ParsedQuickAdd } from "./quick-add-preview";

type QuickAddBoxProps = {
  zone: string;
  onCreate: (input: CreateTaskInput) => void;
  onOpenEditor: (draft: CreateTaskInput) => void;
};

function parse(text: string, zone: string): ParsedQuickAdd {
  try {
    return parseQuickAdd(text, { now: new Date(), timeZone: zone }) as ParsedQuickAdd;
  } catch {
    // A parser bug must never stop someone from writing a task down.
    return { title: text.trim(), dueAt: null, allDay: false, priority: "NONE", tagNames: [], rrule: null,
      recurrenceMode: null, remindBeforeMinutes: null, remindAt: null, timeZone: zone, tokens: [] };
  }
}

export function toCreateInput(parsed: ParsedQuickAdd, zone: string): CreateTaskInput {
  return {
    title: parsed.title,
    priority: parsed.priority,
    dueAt: parsed.dueAt,
    allDay: parsed.allDay,
    timeZone: parsed.timeZone || zone,
    rrule: parsed.rrule,
    recurrenceMode: parsed.rrule ? (parsed.recurrenceMode ?? "FIXED") : null,
    remindAt: parsed.remindAt,
    remindBeforeMinutes: parsed.remindBeforeMinutes,
    tagNames: parsed.tagNames,
  };
}

export const QuickAddBox = forwardRef<HTMLInputElement, QuickAddBoxProps>(function QuickAddBox({ zone, onCreate, onOpenEditor }, ref) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const parsed = useMemo(() => (text.trim() ? parse(text, zone) : null), [text, zone]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!parsed) return;
    if (!parsed.title.trim()) {
      setError("Add a few words for the title, not just a date or tags.");
      return;
    }
    onCreate(toCreateInput(parsed, zone));
    setText("");
    setError(null);
  }

  return (
    <form className="quick-add" onSubmit={submit} aria-label="Quick add task">
      <div className="quick-add-row">
        <label htmlFor="quick-add-input" className="visually-hidden">New task</label>
        <PlusIcon />
        <input
          ref={ref}
          id="quick-add-input"
          className="quick-add-input"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              setText("");
              e.currentTarget.blur();
            }
          }}
          placeholder="Add a task: “Pay rent every month on the 1st at 9am #home !high”"
          autoComplete="off"
          aria-describedby="quick-add-help"
          aria-invalid={error ? true : undefined}
          enterKeyHint="done"
        />
        <button type="button" className="button ghost small" disabled={!parsed} onClick={() => parsed && onOpenEditor(toCreateInput(parsed, zone))}>
          More…
        </button>
        <button type="submit" className="button primary small" disabled={!parsed}>Add</button>
      </div>
      <p id="quick-add-help" className="visually-hidden">
        Dates, “every …”, #tags, !priority and “remind me 30 min before” are recognised. Press Enter to save.
      </p>
      {error && <p className="field-error" role="alert">{error}</p>}
      {parsed && <QuickAddPreview text={text} parsed={parsed} zone={zone} />}
    </form>
  );
});
