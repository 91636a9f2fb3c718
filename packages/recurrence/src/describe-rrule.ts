// RRULE → the short text the task editor and the quick-add preview show ("Every 2 weeks on Mon, Thu").
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { MONTH_FULL_NAMES } from "./calendar.ts";
import { parseRrule } from "./parse-rrule.ts";
import { WEEKDAYS, WORKING_DAYS, type RecurrenceSpec, type Weekday } from "./spec.ts";

const DAY_NAMES: Record<Weekday, string> = {
  MO: "Mon", TU: "Tue", WE: "Wed", TH: "Thu", FR: "Fri", SA: "Sat", SU: "Sun",
};
const DAY_FULL_NAMES: Record<Weekday, string> = {
  MO: "Monday", TU: "Tuesday", WE: "Wednesday", TH: "Thursday", FR: "Friday", SA: "Saturday", SU: "Sunday",
};
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const POSITION_WORDS: Record<number, string> = {
  1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth",
  [-1]: "last", [-2]: "second to last", [-3]: "third to last", [-4]: "fourth to last", [-5]: "fifth to last",
};

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th"}`;
}

function sameDays(a: readonly Weekday[], b: readonly Weekday[]): boolean {
  return a.length === b.length && a.every((day) => b.includes(day));
}

function sortedDays(days: readonly Weekday[]): Weekday[] {
  return [...days].sort((x, y) => WEEKDAYS.indexOf(x) - WEEKDAYS.indexOf(y));
}

function monthDayText(day: number): string {
  if (day === -1) return "last day";
  return day > 0 ? ordinal(day) : `${ordinal(-day)} to last day`;
}

/** 1st, 15th, then the days counted from the end. */
function sortedMonthDays(days: readonly number[]): number[] {
  return [...days].sort((a, b) => (a < 0 ? 100 : 0) + a - ((b < 0 ? 100 : 0) + b));
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "last Friday", "first weekday", "second Mon/Wed". */
function positionedDays(days: readonly Weekday[], position: number): string {
  const which = sameDays(days, WORKING_DAYS)
    ? "weekday"
    : days.length === 1
      ? DAY_FULL_NAMES[days[0] as Weekday]
      : sortedDays(days).map((d) => DAY_NAMES[d]).join("/");
  return `${POSITION_WORDS[position] ?? ordinal(position)} ${which}`;
}

function every(interval: number, singular: string, adverb: string): string {
  return interval === 1 ? adverb : `Every ${interval} ${singular}s`;
}

function describeBase(spec: RecurrenceSpec): string {
  const interval = spec.interval ?? 1;
  switch (spec.freq) {
    case "DAILY":
      return interval === 1 ? "Every day" : `Every ${interval} days`;
    case "WEEKLY": {
      const days = spec.byWeekday;
      if (!days) return interval === 1 ? "Every week" : `Every ${interval} weeks`;
      if (interval === 1 && sameDays(days, WORKING_DAYS)) return "Every weekday";
      if (interval === 1 && days.length === 7) return "Every day";
      const list = sortedDays(days).map((d) => DAY_NAMES[d]).join(", ");
      return `${interval === 1 ? "Every week" : `Every ${interval} weeks`} on ${list}`;
    }
    case "MONTHLY": {
      const base = every(interval, "month", "Monthly");
      if (spec.byMonthDay) return `${base} on the ${joinAnd(sortedMonthDays(spec.byMonthDay).map(monthDayText))}`;
      if (spec.byWeekday && spec.bySetPos !== undefined) {
        return `${base} on the ${positionedDays(spec.byWeekday, spec.bySetPos)}`;
      }
      return base;
    }
    case "YEARLY": {
      const base = every(interval, "year", "Yearly");
      const months = spec.byMonth;
      if (months === undefined) return base;
      const [month, ...otherMonths] = months;
      const day = spec.byMonthDay?.[0];
      if (month !== undefined && otherMonths.length === 0 && day !== undefined && spec.byMonthDay?.length === 1 && day > 0) {
        return `${base} on ${MONTH_NAMES[month - 1]} ${day}`;
      }
      const monthList = joinAnd(months.map((m) => MONTH_FULL_NAMES[m - 1] ?? String(m)));
      if (spec.byMonthDay) return `${base} on the ${joinAnd(sortedMonthDays(spec.byMonthDay).map(monthDayText))} of ${monthList}`;
      if (spec.byWeekday && spec.bySetPos !== undefined) {
        return `${base} on the ${positionedDays(spec.byWeekday, spec.bySetPos)} of ${monthList}`;
      }
      return `${base} in ${monthList}`;
    }
  }
}

export interface DescribeOptions {
  /** Zone UNTIL is shown in (the task's zone); UTC when omitted. */
  timeZone?: string;
}

/** Human text for a supported rule; throws RecurrenceError for any other. */
export function describeRrule(rrule: string | RecurrenceSpec, options: DescribeOptions = {}): string {
  const spec = typeof rrule === "string" ? parseRrule(rrule) : rrule;
  let text = describeBase(spec);
  if (spec.count !== undefined) text += spec.count === 1 ? ", once" : `, ${spec.count} times`;
  if (spec.until !== undefined) {
    text += `, until ${format(new TZDate(spec.until.getTime(), options.timeZone ?? "UTC"), "MMM d, yyyy")}`;
  }
  if (spec.untilDate !== undefined) text += `, until ${format(new Date(`${spec.untilDate}T12:00:00`), "MMM d, yyyy")}`;
  return text;
}
