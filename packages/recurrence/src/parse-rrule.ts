// RRULE text → spec, accepting only the shapes in spec.ts. Hand-written rather than rrule.js's
// parser because that one accepts every RFC part and reports problems only loosely; the API
// needs to refuse anything else with a message a person can act on.
import { RecurrenceError } from "./errors.ts";
import { FREQUENCIES, WEEKDAYS, findSpecProblem, type Frequency, type RecurrenceSpec, type Weekday } from "./spec.ts";

const SUPPORTED_PARTS = ["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "COUNT", "UNTIL"];
const MAX_LENGTH = 500;

function parseInteger(part: string, value: string): number {
  if (!/^[+-]?\d{1,6}$/.test(value)) throw new RecurrenceError(`${part} must be a whole number, got "${value}"`);
  return Number(value);
}

function parseUntil(value: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) {
    // RFC 5545 requires UTC when DTSTART has a time zone, which every task of ours has.
    throw new RecurrenceError(`UNTIL must be a UTC date-time like 20271231T225959Z, got "${value}"`);
  }
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new RecurrenceError(`UNTIL "${value}" is not a real date-time`);
  }
  return date;
}

/** "MO,-1FR" → days, plus the position an ordinal prefix ("-1FR") stands for. */
function parseByDay(value: string): { days: Weekday[]; position?: number } {
  const days: Weekday[] = [];
  const positions = new Set<number>();
  for (const item of value.split(",")) {
    const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
    const day = match?.[2] as Weekday | undefined;
    if (!match || !day || !WEEKDAYS.includes(day)) {
      throw new RecurrenceError(`BYDAY has an unknown day "${item}" (use ${WEEKDAYS.join(",")})`);
    }
    days.push(day);
    if (match[1] !== undefined) positions.add(Number(match[1]));
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
  if (text.length === 0) throw new RecurrenceError("the rule is empty");
  if (text.length > MAX_LENGTH) throw new RecurrenceError(`the rule is longer than ${MAX_LENGTH} characters`);

  const values = new Map<string, string>();
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    const key = (eq === -1 ? part : part.slice(0, eq)).trim().toUpperCase();
    const value = eq === -1 ? "" : part.slice(eq + 1).trim().toUpperCase();
    if (!SUPPORTED_PARTS.includes(key)) {
      throw new RecurrenceError(
        key === "" ? "the rule has an empty part" : `"${key}" is not supported (supported: ${SUPPORTED_PARTS.join(", ")})`,
      );
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
  if (byMonth !== undefined) spec.byMonth = parseInteger("BYMONTH", byMonth);
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
  if (until !== undefined) spec.until = parseUntil(until);

  const problem = findSpecProblem(spec);
  if (problem) throw new RecurrenceError(problem);
  return spec;
}

export type ValidateRruleResult = { ok: true; spec: RecurrenceSpec } | { ok: false; message: string };

/** For input validation: never throws, explains what is wrong. */
export function validateRrule(input: string): ValidateRruleResult {
  try {
    return { ok: true, spec: parseRrule(input) };
  } catch (error) {
    if (error instanceof RecurrenceError) return { ok: false, message: `Invalid recurrence: ${error.message}` };
    throw error;
  }
}
