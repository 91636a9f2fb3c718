// Random RRULE text for property tests of the rule validator: mostly the parts we support with
// plausible values, sometimes a wrong value, a missing FREQ or a part we do not support, in
// either case. Shared by this package's tests and the web app's input schema tests.
import fc from "fast-check";
import { WEEKDAYS } from "../spec.ts";

export const SUPPORTED_PARTS = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST"] as const;
export const UNSUPPORTED_PARTS = ["BYHOUR", "BYMINUTE", "BYSECOND", "BYWEEKNO", "BYYEARDAY", "X-NAME", "RDATE"] as const;

const list = (item: fc.Arbitrary<string>) => fc.array(item, { minLength: 1, maxLength: 4 }).map((items) => items.join(","));
const day = fc.constantFrom<string>(...WEEKDAYS, "XX");
const ordinalDay = fc.tuple(fc.constantFrom("", "", "1", "2", "-1", "5", "-5", "+3", "6"), day).map(([n, d]) => `${n}${d}`);
const someDate = fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true });

const VALUES: Record<(typeof SUPPORTED_PARTS)[number], fc.Arbitrary<string>> = {
  FREQ: fc.constantFrom("DAILY", "WEEKLY", "MONTHLY", "YEARLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "SECONDLY", "FORTNIGHTLY"),
  INTERVAL: fc.oneof(fc.integer({ min: 1, max: 30 }).map(String), fc.constantFrom("12", "24", "36", "999", "1000", "0", "-2", "x")),
  COUNT: fc.oneof(fc.integer({ min: 1, max: 12 }).map(String), fc.constantFrom("1000", "1001", "0")),
  UNTIL: fc.oneof(
    someDate.map((d) => d.toISOString().slice(0, 10).replaceAll("-", "")),
    someDate.map((d) => `${d.toISOString().slice(0, 19).replaceAll(/[-:]/g, "")}Z`),
    fc.constantFrom("20261231T235959", "20270230", "tomorrow", ""),
  ),
  BYDAY: list(ordinalDay),
  BYMONTHDAY: list(fc.oneof(fc.integer({ min: -31, max: 31 }).map(String), fc.constantFrom("29", "30", "31", "-29", "32", "0", "a"))),
  BYMONTH: list(fc.oneof(fc.integer({ min: 1, max: 12 }).map(String), fc.constantFrom("2", "4", "0", "13"))),
  BYSETPOS: fc.constantFrom("1", "2", "-1", "5", "-5", "6", "0"),
  WKST: fc.constantFrom("MO", "SU", "TU", "XX"),
};
const OPTIONAL_PARTS = SUPPORTED_PARTS.filter((part) => part !== "FREQ");

export const rruleText: fc.Arbitrary<string> = fc
  .record({
    freq: fc.option(VALUES.FREQ, { freq: 12, nil: null }),
    others: fc.uniqueArray(fc.constantFrom(...OPTIONAL_PARTS), { maxLength: 4 }),
    unsupported: fc.option(fc.constantFrom(...UNSUPPORTED_PARTS), { freq: 8, nil: null }),
    lower: fc.boolean(),
  })
  .chain(({ freq, others, unsupported, lower }) =>
    fc.tuple(...others.map((key) => VALUES[key].map((value) => `${key}=${value}`))).map((pairs) => {
      const text = [...(freq === null ? [] : [`FREQ=${freq}`]), ...pairs, ...(unsupported ? [`${unsupported}=1`] : [])].join(";");
      return lower ? text.toLowerCase() : text;
    }),
  );
