import { describe, expect, it } from "vitest";
import { describeRrule, ordinal } from "./describe-rrule.ts";

describe("describeRrule", () => {
  it.each([
    ["FREQ=DAILY", "Every day"],
    ["FREQ=DAILY;INTERVAL=3", "Every 3 days"],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Every weekday"],
    ["FREQ=WEEKLY", "Every week"],
    ["FREQ=WEEKLY;BYDAY=TH,MO;INTERVAL=2", "Every 2 weeks on Mon, Thu"],
    ["FREQ=WEEKLY;BYDAY=SA,SU", "Every week on Sat, Sun"],
    ["FREQ=MONTHLY;BYMONTHDAY=1", "Monthly on the 1st"],
    ["FREQ=MONTHLY;BYMONTHDAY=15,1", "Monthly on the 1st and 15th"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "Monthly on the last day"],
    ["FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=22", "Every 3 months on the 22nd"],
    ["FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1", "Monthly on the last Friday"],
    ["FREQ=MONTHLY;BYDAY=2TU", "Monthly on the second Tuesday"],
    ["FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", "Monthly on the first weekday"],
    ["FREQ=MONTHLY", "Monthly"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "Yearly on Feb 29"],
    ["FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", "Yearly on the last Monday of May"],
    ["FREQ=YEARLY;INTERVAL=2", "Every 2 years"],
    ["FREQ=WEEKLY;COUNT=5", "Every week, 5 times"],
    ["FREQ=DAILY;COUNT=1", "Every day, once"],
    ["FREQ=DAILY;UNTIL=20270303T120000Z", "Every day, until Mar 3, 2027"],
  ])("%s → %s", (rrule, text) => {
    expect(describeRrule(rrule)).toBe(text);
  });

  it("shows UNTIL as a date in the task's zone", () => {
    // 22:59:59Z on Dec 31 is still Dec 31 in Paris but already Jan 1 in Auckland.
    expect(describeRrule("FREQ=DAILY;UNTIL=20261231T225959Z", { timeZone: "Europe/Paris" })).toBe("Every day, until Dec 31, 2026");
    expect(describeRrule("FREQ=DAILY;UNTIL=20261231T225959Z", { timeZone: "Pacific/Auckland" })).toBe("Every day, until Jan 1, 2027");
  });

  it("refuses rules it cannot describe", () => {
    expect(() => describeRrule("FREQ=SECONDLY")).toThrow(/FREQ/);
  });
});

describe("ordinal", () => {
  it.each([[1, "1st"], [2, "2nd"], [3, "3rd"], [4, "4th"], [11, "11th"], [12, "12th"], [13, "13th"], [21, "21st"], [22, "22nd"], [31, "31st"], [111, "111th"]])(
    "%i → %s",
    (n, text) => expect(ordinal(n)).toBe(text),
  );
});
