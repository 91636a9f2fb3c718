// The validator the API, the editor and the worker share (validateRrule, plus findSeriesProblem
// where the API knows the due date) against the worker's computation, on random RRULE text:
// whatever it accepts has a next occurrence (or ends there, by COUNT or UNTIL), whatever it
// refuses gets a message naming the part at fault.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateRrule } from "./parse-rrule.ts";
import { expectNamesPart, expectNextOrEnd, rruleText, seriesCase, startsSeries } from "./testing/index.ts";

describe("the shared rule validator and the worker's computation", () => {
  it("every accepted rule yields a next occurrence after the completed one, or its series ends by COUNT or UNTIL", () => {
    fc.assert(
      fc.property(rruleText, seriesCase, (text, series) => {
        const checked = validateRrule(text);
        fc.pre(checked.ok && startsSeries(checked.rrule, series));
        if (checked.ok) expectNextOrEnd(checked.rrule, series);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it("every refused rule gets a message naming the part at fault", () => {
    fc.assert(
      fc.property(rruleText, (text) => {
        const checked = validateRrule(text);
        fc.pre(!checked.ok);
        if (checked.ok) return;
        expect(checked.message.startsWith("Invalid recurrence: ")).toBe(true);
        expectNamesPart(text, checked.message);
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});
