// "remind 30m before", "remind me 1 day before", "remind me an hour early" (relative to due) and
// "remind me at 8am", "remind me tomorrow 9:00" (absolute). The span is masked right away so the
// due-date reading does not take "at 8am"; what it means is settled once the due date is known.
import { MaskedText, WORD_END, WORD_START, type Span } from "./masked-text.ts";
import { isUsableDate, parseDates, type ChronoResult, type ZonedContext } from "./zoned-dates.ts";

export type ReminderCandidate =
  | { kind: "before"; span: Span; minutes: number }
  | { kind: "at"; span: Span; date: ChronoResult };

const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10080 };
const MAX_BEFORE_MINUTES = 60 * 24 * 365;

function unitMinutes(unit: string): number {
  // "min"/"minutes" → m, "hrs"/"hour" → h, "days" → d, "wks"/"week" → w.
  return UNIT_MINUTES[unit.toLowerCase()[0] ?? ""] ?? 0;
}

const RELATIVE = new RegExp(
  String.raw`${WORD_START}remind(?:\s+me)?\s+(\d{1,4}|an?|one)\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\s+(?:before|earlier|early|ahead|prior)${WORD_END}`,
  "iu",
);
const ABSOLUTE_LEAD = new RegExp(String.raw`${WORD_START}remind(?:\s+me)?\s+`, "iu");

export function scanReminder(input: MaskedText, context: ZonedContext): ReminderCandidate | null {
  const relative = RELATIVE.exec(input.current);
  if (relative) {
    const amount = /^\d+$/.test(relative[1] ?? "") ? Number(relative[1]) : 1;
    const minutes = amount * unitMinutes(relative[2] ?? "");
    const span = { start: relative.index, end: relative.index + relative[0].length };
    input.mask(span);
    return minutes <= MAX_BEFORE_MINUTES ? { kind: "before", span, minutes } : null;
  }
  const lead = ABSOLUTE_LEAD.exec(input.current);
  if (!lead) return null;
  const restStart = lead.index + lead[0].length;
  const rest = input.current.slice(restStart);
  const date = parseDates(rest, context)[0];
  // The time must follow "remind me" directly, or we would take the task's own due date.
  if (!date || date.index !== 0 || !isUsableDate(date, rest)) return null;
  const span = { start: lead.index, end: restStart + date.text.length };
  input.mask(span);
  return { kind: "at", span, date };
}
