// Which RFC 5545 RRULEs a task may carry: the shapes the editor and quick add offer (daily,
// weekly on days, monthly on a day or the nth weekday, yearly; every N; until a date or N times).
// Anything else is refused with a reason, so the recurrence consumer never meets a rule it
// cannot schedule.
import { RRule } from "rrule";

const FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
const WEEKDAY = "(MO|TU|WE|TH|FR|SA|SU)";
const PLAIN_WEEKDAY = new RegExp(`^${WEEKDAY}$`);
const NTH_WEEKDAY = new RegExp(`^([+-]?[1-5])${WEEKDAY}$`);
const UNTIL = /^\d{8}(T\d{6}Z?)?$/;
const ALLOWED_KEYS = new Set(["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST"]);

export type TRruleCheck = { ok: true; rrule: string } | { ok: false; reason: string };

/** Validates `input` (with or without a leading "RRULE:") and returns it normalised. */
export function checkSupportedRrule(input: string): TRruleCheck {
  const text = input.trim().replace(/^RRULE:/i, "").toUpperCase();
  if (text === "") return { ok: false, reason: "Repeat rule is empty" };
  if (/[\r\n]/.test(text) || text.includes("DTSTART")) {
    return { ok: false, reason: "Give only the RRULE (the series starts at the due date)" };
  }
  const parts = new Map<string, string>();
  for (const pair of text.split(";")) {
    const [key, value, ...rest] = pair.split("=");
    if (!key || value === undefined || value === "" || rest.length > 0) {
      return { ok: false, reason: `"${pair}" is not a KEY=VALUE part of an RRULE` };
    }
    if (!ALLOWED_KEYS.has(key)) return { ok: false, reason: `${key} is not supported in repeat rules` };
    if (parts.has(key)) return { ok: false, reason: `${key} appears twice` };
    parts.set(key, value);
  }
  const shapeError = checkShape(parts);
  if (shapeError) return { ok: false, reason: shapeError };
  try {
    // The rrule library is the final word on syntax (e.g. a malformed UNTIL).
    new RRule(RRule.parseString(text));
  } catch (error) {
    return { ok: false, reason: `Not a valid RRULE: ${(error as Error).message}` };
  }
  return { ok: true, rrule: text };
}

function checkShape(parts: Map<string, string>): string | null {
  const freq = parts.get("FREQ");
  if (!freq) return "FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY)";
  if (!(FREQUENCIES as readonly string[]).includes(freq)) {
    return `FREQ=${freq} is not supported (use DAILY, WEEKLY, MONTHLY or YEARLY)`;
  }
  const interval = parts.get("INTERVAL");
  if (interval !== undefined && !isIntIn(interval, 1, 999)) return "INTERVAL must be a whole number from 1 to 999";
  const count = parts.get("COUNT");
  if (count !== undefined && !isIntIn(count, 1, 1000)) return "COUNT must be a whole number from 1 to 1000";
  const until = parts.get("UNTIL");
  if (until !== undefined && !UNTIL.test(until)) return "UNTIL must be a date like 20261231 or 20261231T235959Z";
  if (count !== undefined && until !== undefined) return "Use either COUNT or UNTIL, not both";
  const wkst = parts.get("WKST");
  if (wkst !== undefined && !PLAIN_WEEKDAY.test(wkst)) return "WKST must be a weekday code like MO";

  const byDay = parts.get("BYDAY")?.split(",");
  const byMonthDay = parts.get("BYMONTHDAY")?.split(",");
  const byMonth = parts.get("BYMONTH")?.split(",");
  const bySetPos = parts.get("BYSETPOS");

  if (byMonthDay && !byMonthDay.every((d) => isIntIn(d, -31, 31) && d !== "0" && d !== "-0")) {
    return "BYMONTHDAY must list days from 1 to 31 (or -1 for the last day)";
  }
  if (byMonth && !byMonth.every((m) => isIntIn(m, 1, 12))) return "BYMONTH must list months from 1 to 12";
  if (bySetPos !== undefined && !["1", "2", "3", "4", "5", "-1"].includes(bySetPos)) {
    return "BYSETPOS must be one of 1, 2, 3, 4, 5 or -1";
  }

  switch (freq) {
    case "DAILY":
      if (byDay || byMonthDay || byMonth || bySetPos) return "A daily rule takes only INTERVAL, COUNT or UNTIL";
      return null;
    case "WEEKLY":
      if (byMonthDay || byMonth || bySetPos) return "A weekly rule takes only BYDAY with weekdays";
      if (byDay && !byDay.every((d) => PLAIN_WEEKDAY.test(d))) return "BYDAY of a weekly rule lists weekdays like MO,WE";
      return null;
    case "MONTHLY":
    case "YEARLY": {
      if (freq === "MONTHLY" && byMonth) return "A monthly rule does not take BYMONTH";
      if (byDay && byMonthDay) return "Use either BYDAY (nth weekday) or BYMONTHDAY (day of month), not both";
      if (byDay) {
        const nth = byDay.length === 1 && NTH_WEEKDAY.test(byDay[0] ?? "");
        const withSetPos = bySetPos !== undefined && byDay.every((d) => PLAIN_WEEKDAY.test(d));
        if (!nth && !withSetPos) {
          return "BYDAY of a monthly or yearly rule is one nth weekday like 2TU or -1FR (or weekdays with BYSETPOS)";
        }
      } else if (bySetPos !== undefined) {
        return "BYSETPOS needs BYDAY";
      }
      return null;
    }
  }
  return null;
}

function isIntIn(text: string, min: number, max: number): boolean {
  if (!/^[+-]?\d+$/.test(text)) return false;
  const value = Number(text);
  return value >= min && value <= max;
}
