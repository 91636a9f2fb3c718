// The editor's recurrence model and its RRULE, both ways, through @taskboard/recurrence (the same
// package the API validates with, so the editor can only build rules the server accepts). Shapes
// the form does not model (e.g. "last Friday of the month") are kept verbatim unless replaced.
import { buildRrule, describeRrule, parseRrule, type RecurrenceSpec, type Weekday } from "@taskboard/recurrence";

export type RecurrenceFreq = RecurrenceSpec["freq"];
export type { Weekday };
export const WEEKDAYS: readonly Weekday[] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
export const WEEKDAY_LABEL: Record<Weekday, string> = {
  MO: "Mon", TU: "Tue", WE: "Wed", TH: "Thu", FR: "Fri", SA: "Sat", SU: "Sun",
};
const WORKING: Weekday[] = ["MO", "TU", "WE", "TH", "FR"];

export type RecurrencePreset = "none" | "daily" | "weekdays" | "weekly" | "monthly" | "yearly" | "custom";

export type RecurrenceDraft = {
  preset: RecurrencePreset;
  freq: RecurrenceFreq;
  interval: number;
  byDay: Weekday[];
  end: "never" | "until" | "count";
  until: string; // yyyy-MM-dd
  count: number;
  /** A rule the form cannot model, kept unchanged unless the user edits the custom fields. */
  verbatim: string | null;
};

export const EMPTY_RECURRENCE: RecurrenceDraft = {
  preset: "none", freq: "WEEKLY", interval: 1, byDay: [], end: "never", until: "", count: 10, verbatim: null,
};

const PRESET_SPECS: Record<Exclude<RecurrencePreset, "none" | "custom">, RecurrenceSpec> = {
  daily: { freq: "DAILY" },
  weekdays: { freq: "WEEKLY", byWeekday: WORKING },
  weekly: { freq: "WEEKLY" },
  monthly: { freq: "MONTHLY" },
  yearly: { freq: "YEARLY" },
};

/** The RRULE for a draft; throws (with a message for the person) when the custom fields are invalid. */
export function buildRruleFromDraft(draft: RecurrenceDraft): string | null {
  if (draft.preset === "none") return null;
  if (draft.preset !== "custom") return buildRrule(PRESET_SPECS[draft.preset]);
  if (draft.verbatim) return draft.verbatim;
  const spec: RecurrenceSpec = { freq: draft.freq, interval: Math.floor(draft.interval) };
  if (draft.freq === "WEEKLY" && draft.byDay.length > 0) spec.byWeekday = WEEKDAYS.filter((d) => draft.byDay.includes(d));
  // An end date is the whole of that day where the task lives (UNTIL as a DATE), not a UTC instant.
  if (draft.end === "until" && draft.until) spec.untilDate = draft.until;
  if (draft.end === "count") spec.count = Math.floor(draft.count);
  return buildRrule(spec);
}

export function draftFromRrule(rrule: string | null): RecurrenceDraft {
  if (!rrule) return EMPTY_RECURRENCE;
  let spec: RecurrenceSpec;
  try {
    spec = parseRrule(rrule);
  } catch {
    return { ...EMPTY_RECURRENCE, preset: "custom", verbatim: rrule };
  }
  const interval = spec.interval ?? 1;
  const bounded = spec.count !== undefined || spec.until !== undefined || spec.untilDate !== undefined;
  const plain = interval === 1 && !bounded && !spec.byMonthDay && !spec.byMonth && spec.bySetPos === undefined;
  if (plain) {
    const days = spec.byWeekday ?? [];
    if (spec.freq === "DAILY") return { ...EMPTY_RECURRENCE, preset: "daily" };
    if (spec.freq === "WEEKLY" && days.length === 0) return { ...EMPTY_RECURRENCE, preset: "weekly" };
    if (spec.freq === "WEEKLY" && days.length === 5 && WORKING.every((d) => days.includes(d))) {
      return { ...EMPTY_RECURRENCE, preset: "weekdays" };
    }
    if (spec.freq === "MONTHLY" && days.length === 0) return { ...EMPTY_RECURRENCE, preset: "monthly" };
    if (spec.freq === "YEARLY" && days.length === 0) return { ...EMPTY_RECURRENCE, preset: "yearly" };
  }
  const modelled = !spec.byMonthDay && !spec.byMonth && spec.bySetPos === undefined && (spec.freq === "WEEKLY" || !spec.byWeekday);
  return {
    preset: "custom",
    freq: spec.freq,
    interval,
    byDay: spec.byWeekday ?? [],
    end: spec.until || spec.untilDate ? "until" : spec.count ? "count" : "never",
    until: spec.untilDate ?? spec.until?.toISOString().slice(0, 10) ?? "",
    count: spec.count ?? 10,
    verbatim: modelled ? null : rrule,
  };
}

/** "Every weekday", "Every 2 weeks on Mon, Wed"... */
export function describeRecurrence(rrule: string | null): string | null {
  if (!rrule) return null;
  try {
    return describeRrule(rrule);
  } catch {
    return "Repeats";
  }
}
