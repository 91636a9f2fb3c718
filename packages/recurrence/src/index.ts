// @taskboard/recurrence: RFC 5545 recurrence rules for tasks, shared by the web app (building and
// describing rules, validating input) and the workers (computing the next occurrence).
export * from "./spec.ts";
export { RecurrenceError } from "./errors.ts";
export { buildRrule, formatUntil } from "./build-rrule.ts";
export { parseRrule, validateRrule, type ValidateRruleResult } from "./parse-rrule.ts";
export { describeRrule, ordinal, type DescribeOptions } from "./describe-rrule.ts";
export { nextOccurrence, type NextOccurrenceInput, type RecurrenceMode } from "./next-occurrence.ts";
export { firstOccurrence, type FirstOccurrenceInput } from "./first-occurrence.ts";
export { findSeriesProblem, type SeriesStart } from "./series-day.ts";
export { toWallClock, fromWallClock } from "./wall-clock.ts";
