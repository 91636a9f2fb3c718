// Spec → RRULE text. The output never carries DTSTART: a task's series starts at its dueAt, in
// the task's own time zone, which the database stores next to the rule.
import { RecurrenceError } from "./errors.ts";
import { findSpecProblem, type RecurrenceSpec } from "./spec.ts";

/** 2027-03-03T22:59:59Z → 20270303T225959Z (RFC 5545 UTC DATE-TIME). */
export function formatUntil(until: Date): string {
  return until.toISOString().replace(/\.\d{3}Z$/, "Z").replaceAll(/[-:]/g, "");
}

/** Builds the canonical RRULE (no "RRULE:" prefix); throws RecurrenceError for an unsupported spec. */
export function buildRrule(spec: RecurrenceSpec): string {
  const problem = findSpecProblem(spec);
  if (problem) throw new RecurrenceError(problem);
  const parts = [`FREQ=${spec.freq}`];
  if (spec.interval !== undefined && spec.interval !== 1) parts.push(`INTERVAL=${spec.interval}`);
  if (spec.byMonth !== undefined) parts.push(`BYMONTH=${spec.byMonth.join(",")}`);
  if (spec.byMonthDay) parts.push(`BYMONTHDAY=${spec.byMonthDay.join(",")}`);
  if (spec.byWeekday) parts.push(`BYDAY=${spec.byWeekday.join(",")}`);
  if (spec.bySetPos !== undefined) parts.push(`BYSETPOS=${spec.bySetPos}`);
  if (spec.count !== undefined) parts.push(`COUNT=${spec.count}`);
  if (spec.until !== undefined) parts.push(`UNTIL=${formatUntil(spec.until)}`);
  if (spec.untilDate !== undefined) parts.push(`UNTIL=${spec.untilDate.replaceAll("-", "")}`);
  if (spec.weekStart !== undefined) parts.push(`WKST=${spec.weekStart}`);
  return parts.join(";");
}
