import { describe, expect, it } from "vitest";
import { checkSupportedRrule } from "./recurrence-rule";

describe("checkSupportedRrule", () => {
  it.each([
    ["FREQ=DAILY", "FREQ=DAILY"],
    ["RRULE:freq=weekly;byday=mo,we", "FREQ=WEEKLY;BYDAY=MO,WE"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;COUNT=10", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;COUNT=10"],
    ["FREQ=MONTHLY;BYMONTHDAY=1", "FREQ=MONTHLY;BYMONTHDAY=1"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;BYMONTHDAY=-1"],
    ["FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYDAY=2TU"],
    ["FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231", "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231"],
    ["FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"],
    ["FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=14", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=14"],
    ["FREQ=DAILY;UNTIL=20261231T235959Z", "FREQ=DAILY;UNTIL=20261231T235959Z"],
  ])("accepts %s", (input, normalised) => {
    expect(checkSupportedRrule(input)).toEqual({ ok: true, rrule: normalised });
  });

  it.each([
    ["", /empty/],
    ["BLAH", /KEY=VALUE/],
    ["FREQ=HOURLY", /not supported/],
    ["INTERVAL=2", /FREQ is required/],
    ["FREQ=DAILY;COUNT=3;UNTIL=20260101", /either COUNT or UNTIL/],
    ["FREQ=DAILY;BYDAY=MO", /daily rule/],
    ["FREQ=WEEKLY;BYDAY=2MO", /weekdays/],
    ["FREQ=MONTHLY;BYMONTHDAY=32", /BYMONTHDAY/],
    ["FREQ=MONTHLY;BYMONTHDAY=1;BYDAY=1MO", /not both/],
    ["FREQ=YEARLY;BYMONTH=13", /BYMONTH/],
    ["FREQ=DAILY;INTERVAL=0", /INTERVAL/],
    ["FREQ=DAILY;BYHOUR=9", /BYHOUR is not supported/],
    ["DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY", /only the RRULE/],
    ["FREQ=DAILY;FREQ=WEEKLY", /twice/],
    ["FREQ=DAILY;UNTIL=tomorrow", /UNTIL/],
  ])("refuses %j with a reason", (input, reason) => {
    const result = checkSupportedRrule(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
