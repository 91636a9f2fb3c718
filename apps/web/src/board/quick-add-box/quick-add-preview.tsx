"use client";
// What the quick-add parser understood, shown before saving: the sentence with recognised words
// highlighted, and one chip per field that will be set.
import type { ReactNode } from "react";
import { BellIcon, CalendarIcon, FlagIcon, RepeatIcon } from "@/components/icons";
import { TagChip } from "@/components/tag-chip";
import { formatDue } from "../due-dates";
import { describeRecurrence } from "../recurrence-rule";
import { describeReminder } from "../reminder-text";
import { PRIORITY_LABEL, type Priority, type RecurrenceMode } from "../types";

export type QuickAddToken = { kind: string; text: string; start: number; end: number };
export type ParsedQuickAdd = {
  title: string;
  dueAt: string | null;
  allDay: boolean;
  priority: Priority;
  tagNames: string[];
  rrule: string | null;
  recurrenceMode: RecurrenceMode | null;
  remindBeforeMinutes: number | null;
  remindAt: string | null;
  timeZone: string;
  tokens: QuickAddToken[];
};

function highlight(text: string, tokens: QuickAddToken[]): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const token of [...tokens].sort((a, b) => a.start - b.start)) {
    if (token.start < at) continue;
    if (token.start > at) out.push(text.slice(at, token.start));
    out.push(
      <mark key={token.start} className={`token token-${token.kind}`} title={token.kind}>
        {text.slice(token.start, token.end)}
      </mark>,
    );
    at = token.end;
  }
  out.push(text.slice(at));
  return out;
}

export function QuickAddPreview({ text, parsed, zone }: { text: string; parsed: ParsedQuickAdd; zone: string }) {
  const due = formatDue({ dueAt: parsed.dueAt, allDay: parsed.allDay, timeZone: parsed.timeZone || zone }, new Date(), zone);
  const repeat = describeRecurrence(parsed.rrule);
  const reminder = describeReminder(parsed, zone);
  return (
    <div className="quick-add-preview" aria-live="polite" aria-label="What will be saved">
      <p className="preview-text">{highlight(text, parsed.tokens)}</p>
      <div className="preview-chips">
        <span className="chip title-chip"><span className="visually-hidden">Title: </span>{parsed.title || <em>no title yet</em>}</span>
        {due && <span className="chip due-chip"><CalendarIcon /><span className="visually-hidden">Due </span>{due}</span>}
        {repeat && <span className="chip repeat-chip"><RepeatIcon /><span>{repeat}</span></span>}
        {reminder && <span className="chip reminder-chip"><BellIcon /><span>Remind {reminder}</span></span>}
        {parsed.priority !== "NONE" && (
          <span className={`chip priority-chip priority-${parsed.priority.toLowerCase()}`}><FlagIcon />{PRIORITY_LABEL[parsed.priority]}</span>
        )}
        {parsed.tagNames.map((name) => <TagChip key={name} tag={{ name }} />)}
      </div>
    </div>
  );
}
