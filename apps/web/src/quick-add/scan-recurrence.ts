// Recurrence phrases → an RRULE built with @taskboard/recurrence: "every day", "daily at 8",
// "every weekday", "every 2 weeks on monday and thursday", "every month on the 1st", "every last
// friday of the month", "yearly on feb 29", plus "… 5 times", "… until dec 31" and "… after
// done". Only shapes the package supports are produced; anything else stays in the title.
import { findSpecProblem, type RecurrenceSpec, type Weekday, WORKING_DAYS } from "@taskboard/recurrence";
import { MaskedText, WORD_END, WORD_START, type Span } from "./masked-text.ts";
import { hasTimeOfDay, isUsableDate, parseDates, resolveDate, atLocalDay, type ZonedContext } from "./zoned-dates.ts";

const WD = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?`;
const WD_LIST = String.raw`${WD}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|/\s*)\s*${WD})*`;
const DAY_SET = String.raw`(?:weekday|work\s?day|business\s+day|weekend\s+day)`;
const POS = String.raw`(?:first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|second\s+to\s+last)`;
const ORD = String.raw`(?:\d{1,2}(?:st|nd|rd|th)|last\s+day)`;
const ORD_LIST = String.raw`${ORD}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)\s*(?:the\s+)?${ORD})*`;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const OF_MONTH = String.raw`(?:\s+of\s+(?:the|every|each)\s+month)`;
const OF_EVERY_MONTH = String.raw`\s+of\s+(?:every|each)\s+month`;

const MONTH_KEYS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function weekdaysIn(text: string): Weekday[] {
  const days: Weekday[] = [];
  for (const match of text.matchAll(new RegExp(WD, "giu"))) {
    const day = match[0].slice(0, 2).toUpperCase() as Weekday;
    if (!days.includes(day)) days.push(day);
  }
  return days;
}

function position(text: string): number {
  const word = text.toLowerCase().replace(/\s+/g, " ");
  if (word === "last") return -1;
  if (word.endsWith("to last")) return -2;
  return { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, fifth: 5, "5th": 5 }[word] ?? 1;
}

/** "1st", "15th", "last day" → 1, 15, -1. */
function monthDays(text: string): number[] {
  const days: number[] = [];
  for (const match of text.matchAll(/(\d{1,2})(?:st|nd|rd|th)|last\s+day/giu)) {
    const day = match[1] ? Number(match[1]) : -1;
    if (!days.includes(day)) days.push(day);
  }
  return days;
}

function monthNumber(text: string): number {
  return MONTH_KEYS.indexOf(text.slice(0, 3).toLowerCase()) + 1;
}

/** "weekday"/"workday" → MO..FR, "weekend day" → SA,SU. */
function daySet(text: string): Weekday[] {
  return text.toLowerCase().startsWith("weekend") ? ["SA", "SU"] : [...WORKING_DAYS];
}

/** "last" + "friday" → the last Friday of each month. */
function nthWeekdayRule(pos: string | undefined, what: string | undefined): RecurrenceSpec {
  const days = weekdaysIn(what ?? "");
  return { freq: "MONTHLY", byWeekday: days.length > 0 ? days : daySet(what ?? ""), bySetPos: position(pos ?? "") };
}

interface RulePattern {
  regex: RegExp;
  build(match: RegExpExecArray): RecurrenceSpec | null;
}

const re = (source: string) => new RegExp(`${WORD_START}${source}${WORD_END}`, "iu");

// Tried in order; the first that matches (and yields a supported rule) wins.
const RULES: RulePattern[] = [
  {
    // "every last friday (of the month)", "every first weekday"
    regex: re(String.raw`(?:every|each)\s+(${POS})\s+(${WD}|${DAY_SET})${OF_MONTH}?`),
    build: (m) => nthWeekdayRule(m[1], m[2]),
  },
  {
    // "(on) the 2nd tuesday of every month"
    regex: re(String.raw`(?:on\s+)?the\s+(${POS})\s+(${WD}|${DAY_SET})${OF_EVERY_MONTH}`),
    build: (m) => nthWeekdayRule(m[1], m[2]),
  },
  {
    // "every 15th", "every last day of the month"
    regex: re(String.raw`every\s+(?:the\s+)?(${ORD_LIST})${OF_MONTH}?`),
    build: (m) => ({ freq: "MONTHLY", byMonthDay: monthDays(m[1] ?? "") }),
  },
  {
    // "(on) the 1st of every month"
    regex: re(String.raw`(?:on\s+)?the\s+(${ORD_LIST})${OF_EVERY_MONTH}`),
    build: (m) => ({ freq: "MONTHLY", byMonthDay: monthDays(m[1] ?? "") }),
  },
  {
    // "every feb 29", "every 3rd of march"
    regex: re(String.raw`every\s+(?:(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?|(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH}))`),
    build: (m) => ({ freq: "YEARLY", byMonth: [monthNumber(m[1] ?? m[4] ?? "")], byMonthDay: [Number(m[2] ?? m[3])] }),
  },
  {
    // "every weekday", "weekdays", "every weekend"
    regex: re(String.raw`(?:every\s+(?:(weekend)|weekday|work\s?day|business\s+day)s?|on\s+weekdays|weekdays)`),
    build: (m) => ({ freq: "WEEKLY", byWeekday: m[1] ? ["SA", "SU"] : [...WORKING_DAYS] }),
  },
  {
    // "every monday and thursday", "every other friday"
    regex: re(String.raw`every\s+(other\s+)?(${WD_LIST})`),
    build: (m) => ({ freq: "WEEKLY", ...(m[1] ? { interval: 2 } : {}), byWeekday: weekdaysIn(m[2] ?? "") }),
  },
  {
    // "every day", "every 3 days", "every other week", "daily", "fortnightly", with an optional
    // "on …" that says which days.
    regex: re(
      String.raw`(?:(?:every|each)\s+(?:(other)\s+|(\d{1,3})\s+)?(day|week|month|year)s?|(daily|weekly|fortnightly|biweekly|monthly|yearly|annually))` +
        String.raw`(?:\s+(?:on\s+)?(?:(${WD_LIST})|(weekdays)|the\s+(${POS})\s+(${WD}|${DAY_SET})${OF_MONTH}?|(?:the\s+)?(${ORD_LIST})${OF_MONTH}?|(?:the\s+)?(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?|(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH})|in\s+(${MONTH})))?`,
    ),
    build: (m) => {
      const adverb = (m[4] ?? "").toLowerCase();
      const unit = (m[3] ?? "").toLowerCase();
      const freq = ({ day: "DAILY", week: "WEEKLY", month: "MONTHLY", year: "YEARLY" } as const)[unit] ??
        ({ daily: "DAILY", weekly: "WEEKLY", fortnightly: "WEEKLY", biweekly: "WEEKLY", monthly: "MONTHLY", yearly: "YEARLY", annually: "YEARLY" } as const)[adverb];
      if (!freq) return null;
      const interval = m[1] || adverb === "fortnightly" || adverb === "biweekly" ? 2 : m[2] ? Number(m[2]) : 1;
      const spec: RecurrenceSpec = { freq, ...(interval !== 1 ? { interval } : {}) };
      const [weekdays, weekdaysWord, pos, posWhat, ords, monthA, dayA, dayB, monthB, inMonth] = m.slice(5);
      if (weekdays || weekdaysWord) {
        if (freq === "DAILY") return interval === 1 ? { freq: "WEEKLY", byWeekday: weekdays ? weekdaysIn(weekdays) : [...WORKING_DAYS] } : null;
        if (freq !== "WEEKLY") return null;
        spec.byWeekday = weekdays ? weekdaysIn(weekdays) : [...WORKING_DAYS];
      } else if (pos && posWhat) {
        if (freq !== "MONTHLY") return null;
        const days = weekdaysIn(posWhat);
        spec.byWeekday = days.length > 0 ? days : daySet(posWhat);
        spec.bySetPos = position(pos);
      } else if (ords) {
        if (freq !== "MONTHLY") return null;
        spec.byMonthDay = monthDays(ords);
      } else if ((monthA && dayA) || (dayB && monthB)) {
        if (freq !== "YEARLY") return null;
        spec.byMonth = [monthNumber(monthA ?? monthB ?? "")];
        spec.byMonthDay = [Number(dayA ?? dayB)];
      } else if (inMonth) {
        if (freq !== "YEARLY") return null;
        spec.byMonth = [monthNumber(inMonth)];
      }
      return spec;
    },
  },
];

const COUNT = re(String.raw`(?:for\s+)?(\d{1,4})\s+times|once`);
const UNTIL_LEAD = new RegExp(String.raw`${WORD_START}(?:until|till|through|ending(?:\s+on)?)\s+`, "iu");
const AFTER_COMPLETION = re(
  String.raw`(?:after|from|since)\s+(?:(?:it\s+is|it's|its|i'm|i\s+am|being)\s+)?(?:completion|completing|completed|complete|done|finished|finishing|i\s+finish|i'm\s+done)`,
);

export interface RecurrenceFound {
  spec: RecurrenceSpec;
  mode: "FIXED" | "FROM_COMPLETION";
}

function spanOf(match: RegExpExecArray, offset = 0): Span {
  // A lookahead-only match ends where it starts; trim trailing spaces the pattern may include.
  const text = match[0].replace(/\s+$/u, "");
  return { start: offset + match.index, end: offset + match.index + text.length };
}

/** Finds at most one rule (with its end and mode) and consumes its spans. */
export function scanRecurrence(input: MaskedText, context: ZonedContext): RecurrenceFound | null {
  let found: { spec: RecurrenceSpec; span: Span } | null = null;
  for (const rule of RULES) {
    const match = rule.regex.exec(input.current);
    if (!match) continue;
    const spec = rule.build(match);
    if (spec && !findSpecProblem(spec)) {
      found = { spec, span: spanOf(match) };
      break;
    }
  }
  if (!found) return null;
  input.consume("recurrence", found.span);
  const spec = found.spec;

  const count = COUNT.exec(input.current);
  if (count) {
    const candidate = { ...spec, count: count[1] ? Number(count[1]) : 1 };
    if (!findSpecProblem(candidate)) {
      spec.count = candidate.count;
      input.consume("recurrence", spanOf(count));
    }
  }

  const untilLead = spec.count === undefined ? UNTIL_LEAD.exec(input.current) : null;
  if (untilLead) {
    const restStart = untilLead.index + untilLead[0].length;
    const rest = input.current.slice(restStart);
    const date = parseDates(rest, context)[0];
    if (date && date.index === 0 && isUsableDate(date, rest)) {
      const resolved = resolveDate(date, context);
      // "until dec 31" includes Dec 31: the series may run to the end of that local day.
      spec.until = hasTimeOfDay(date)
        ? resolved.at
        : new Date(atLocalDay(resolved.at, context.timeZone, { hour: 0, minute: 0 }, 1).getTime() - 1000);
      spec.until = new Date(Math.floor(spec.until.getTime() / 1000) * 1000);
      input.consume("recurrence", { start: untilLead.index, end: restStart + date.text.length });
    }
  }

  const after = AFTER_COMPLETION.exec(input.current);
  if (after) input.consume("recurrence", spanOf(after));
  return { spec, mode: after ? "FROM_COMPLETION" : "FIXED" };
}
