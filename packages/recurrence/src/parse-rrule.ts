// RRULE text → spec, accepting only the shapes in spec.ts. Hand-written rather than rrule.js's
// parser because that one accepts every RFC part and reports problems only loosely; the API
// needs to refuse anything else with a message a person can act on.
import { RecurrenceError } from "./errors.ts";
import { FREQUENCIES, WEEKDAYS, findSpecProblem, isCalendarDate, type Frequency, type RecurrenceSpec, type Weekday } from "./spec.ts";

const SUPPORTED_PARTS = ["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "COUNT", "UNTIL", "WKST"];
const MAX_LENGTH = 500;

function parseInteger(part: string, value: string): number {
  if (!/^[+-]?\d{1,6}$/.test(value)) throw new RecurrenceError(`${part} must be a whole number, got "${value}"`);
  return Number(value);
}

type Until = Pick<RecurrenceSpec, "until" | "untilDate">;

/** UNTIL as a UTC date-time (20271231T225959Z) or as a date (20271231, the whole local day). */
function parseUntil(value: string): Until {
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (date) {
    const day = `${date[1]}-${date[2]}-${date[3]}`;
    if (!isCalendarDate(day)) throw new RecurrenceError(`UNTIL "${value}" is not a real date`);
    return { untilDate: day };
  }
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(value);
  if (!match) {
    throw new RecurrenceError(`UNTIL must be a date like 20271231 or a UTC date-time like 20271231T225959Z, got "${value}"`);
  }
  if (match[7] !== "Z") {
    // RFC 5545 requires UTC when DTSTART has a time zone, which every task of ours has.
    throw new RecurrenceError(`UNTIL as a date-time must be in UTC (end with Z, like 20271231T225959Z), got "${value}"`);
  }
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const instant = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (instant.getUTCMonth() !== mo - 1 || instant.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new RecurrenceError(`UNTIL "${value}" is not a real date-time`);
  }
  return { until: instant };
}

function parseWeekday(part: string, value: string): Weekday {
  if (!WEEKDAYS.includes(value as Weekday)) {
    throw new RecurrenceError(`${part} has an unknown day "${value}" (use ${WEEKDAYS.join(",")})`);
  }
  return value as Weekday;
}

/** "MO,-1FR" → days, plus the position an ordinal prefix ("-1FR") stands for. */
function parseByDay(value: string): { days: Weekday[]; position?: number } {
  const days: Weekday[] = [];
  const positions = new Set<number>();
  for (const item of value.split(",")) {
    const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
    days.push(parseWeekday("BYDAY", match?.[2] ?? item));
    if (match?.[1] !== undefined) {
      const position = Number(match[1]);
      if (position === 0 || Math.abs(position) > 5) throw new RecurrenceError(`BYDAY position ${match[1]} must be 1..5 or -1..-5`);
      positions.add(position);
    }
  }
  if (positions.size === 0) return { days };
  // "-1FR" is the same rule as "FR;BYSETPOS=-1" for one day; mixed prefixes are not supported.
  if (days.length !== 1 || positions.size !== 1) {
    throw new RecurrenceError('BYDAY with a position (like "-1FR") supports a single day');
  }
  return { days, position: [...positions][0] as number };
}

/** Parses a supported RRULE (an optional "RRULE:" prefix is allowed); throws RecurrenceError. */
export function parseRrule(input: string): RecurrenceSpec {
  if (typeof input !== "string") throw new RecurrenceError("the rule must be a string");
  const text = input.trim().replace(/^RRULE:/i, "");
  if (text.length === 0) throw new RecurrenceError("the rule is empty: it needs FREQ (e.g. FREQ=WEEKLY)");
  if (text.length > MAX_LENGTH) throw new RecurrenceError(`the rule is longer than ${MAX_LENGTH} characters`);
  if (/[\r\n]/.test(text) || /DTSTART/i.test(text)) {
    throw new RecurrenceError("DTSTART is not supported: give only the RRULE (the series starts at the due date)");
  }

  const values = new Map<string, string>();
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    const key = (eq === -1 ? part : part.slice(0, eq)).trim().toUpperCase();
    const value = eq === -1 ? "" : part.slice(eq + 1).trim().toUpperCase();
    if (key === "") throw new RecurrenceError("the rule has an empty part");
    if (!/^[A-Z-]{1,20}$/.test(key)) throw new RecurrenceError(`"${part.slice(0, 30)}" is not a KEY=VALUE part of an RRULE`);
    if (!SUPPORTED_PARTS.includes(key)) {
      throw new RecurrenceError(`"${key}" is not supported (supported: ${SUPPORTED_PARTS.join(", ")})`);
    }
    if (values.has(key)) throw new RecurrenceError(`${key} appears twice`);
    if (value === "") throw new RecurrenceError(`${key} has no value`);
    values.set(key, value);
  }

  const freq = values.get("FREQ");
  if (freq === undefined) throw new RecurrenceError("FREQ is missing");
  if (!FREQUENCIES.includes(freq as Frequency)) {
    throw new RecurrenceError(`FREQ must be one of ${FREQUENCIES.join(", ")}, got "${freq}"`);
  }
  const spec: RecurrenceSpec = { freq: freq as Frequency };
  const read = (key: string) => values.get(key);

  const interval = read("INTERVAL");
  if (interval !== undefined) spec.interval = parseInteger("INTERVAL", interval);
  const byMonth = read("BYMONTH");
  if (byMonth !== undefined) spec.byMonth = byMonth.split(",").map((m) => parseInteger("BYMONTH", m));
  const byMonthDay = read("BYMONTHDAY");
  if (byMonthDay !== undefined) spec.byMonthDay = byMonthDay.split(",").map((d) => parseInteger("BYMONTHDAY", d));
  const byDay = read("BYDAY");
  if (byDay !== undefined) {
    const { days, position } = parseByDay(byDay);
    spec.byWeekday = days;
    if (position !== undefined) spec.bySetPos = position;
  }
  const bySetPos = read("BYSETPOS");
  if (bySetPos !== undefined) {
    if (spec.bySetPos !== undefined) throw new RecurrenceError("use either BYSETPOS or a BYDAY position, not both");
    spec.bySetPos = parseInteger("BYSETPOS", bySetPos);
  }
  const count = read("COUNT");
  if (count !== undefined) spec.count = parseInteger("COUNT", count);
  const until = read("UNTIL");
  if (until !== undefined) Object.assign(spec, parseUntil(until));
  const weekStart = read("WKST");
  if (weekStart !== undefined) spec.weekStart = parseWeekday("WKST", weekStart);

  const problem = findSpecProblem(spec);
  if (problem) throw new RecurrenceError(problem);
  return spec;
}

export type ValidateRruleResult = { ok: true; spec: RecurrenceSpec; rrule: string } | { ok: false; message: string };

/** The text as stored: upper case, no "RRULE:" prefix, no spaces around parts. */
function normalizeRrule(input: string): string {
  return input.trim().replace(/^RRULE:/i, "").split(";").map((part) => part.trim()).join(";").toUpperCase();
}

/**
 * The one validator of rules: the API's input schema, the editor and the worker all go through
 * it (the worker through parseRrule), so a rule accepted anywhere can be scheduled everywhere.
 * Never throws; explains what is wrong.
 */
export function validateRrule(input: string): ValidateRruleResult {
  try {
    return { ok: true, spec: parseRrule(input), rrule: normalizeRrule(input) };
  } catch (error) {
    if (error instanceof RecurrenceError) return { ok: false, message: `Invalid recurrence: ${error.message}` };
    throw error;
  }
}
