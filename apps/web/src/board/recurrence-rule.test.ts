import { describe, expect, it } from "vitest";
import { buildRruleFromDraft, draftFromRrule, EMPTY_RECURRENCE } from "./recurrence-rule";

describe("the editor's repeat rule", () => {
  it("ends on a picked date as a whole local day (UNTIL as a DATE) and reads it back", () => {
    const rrule = buildRruleFromDraft({ ...EMPTY_RECURRENCE, preset: "custom", freq: "DAILY", end: "until", until: "2026-12-31" });
    expect(rrule).toBe("FREQ=DAILY;UNTIL=20261231");
    expect(draftFromRrule(rrule)).toMatchObject({ preset: "custom", freq: "DAILY", end: "until", until: "2026-12-31", verbatim: null });
  });

  it("still reads an end written as a UTC date-time", () => {
    expect(draftFromRrule("FREQ=DAILY;UNTIL=20261231T235959Z")).toMatchObject({ end: "until", until: "2026-12-31" });
  });
});
