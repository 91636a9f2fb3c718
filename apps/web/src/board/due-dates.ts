// Pure date logic for the board: which day a task falls on, how its due moment reads, and the
// instants a "today / this week" filter sends. All-day tasks belong to a calendar date in the
// task's own zone; timed tasks are shown in the viewer's zone with the task's zone named when
// they differ.
import { TZDate } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, endOfDay, endOfWeek, format, startOfDay } from "date-fns";
import type { Task } from "./types";

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** The calendar date ("yyyy-MM-dd") a task is due on, as its owner sees it. */
export function dueDayKey(task: Pick<Task, "dueAt" | "allDay" | "timeZone">, viewerZone: string): string | null {
  if (!task.dueAt) return null;
  const zone = task.allDay ? task.timeZone : viewerZone;
  return format(new TZDate(task.dueAt, safeZone(zone)), "yyyy-MM-dd");
}

export function isOverdue(task: Pick<Task, "dueAt" | "allDay" | "timeZone" | "status">, now: Date, viewerZone: string): boolean {
  if (!task.dueAt || task.status !== "OPEN") return false;
  if (task.allDay) {
    const today = format(new TZDate(now, safeZone(viewerZone)), "yyyy-MM-dd");
    return (dueDayKey(task, viewerZone) ?? today) < today;
  }
  return new Date(task.dueAt).getTime() < now.getTime();
}

/** "Today", "Tomorrow", "Fri 14 Mar" or "14 Mar 2027", plus the time unless the task is all-day. */
export function formatDue(task: Pick<Task, "dueAt" | "allDay" | "timeZone">, now: Date, viewerZone: string): string | null {
  if (!task.dueAt) return null;
  const zone = safeZone(task.allDay ? task.timeZone : viewerZone);
  const due = new TZDate(task.dueAt, zone);
  const today = new TZDate(now, zone);
  const days = differenceInCalendarDays(due, today);
  let day: string;
  if (days === 0) day = "Today";
  else if (days === 1) day = "Tomorrow";
  else if (days === -1) day = "Yesterday";
  else if (days > 1 && days < 7) day = format(due, "EEEE");
  else if (due.getFullYear() === today.getFullYear()) day = format(due, "EEE d MMM");
  else day = format(due, "d MMM yyyy");
  if (task.allDay) return day;
  let text = `${day} ${format(due, "HH:mm")}`;
  if (task.timeZone && task.timeZone !== viewerZone) {
    text += ` (${format(new TZDate(task.dueAt, safeZone(task.timeZone)), "HH:mm")} ${shortZone(task.timeZone)})`;
  }
  return text;
}

export function formatInstant(iso: string, viewerZone: string): string {
  return format(new TZDate(iso, safeZone(viewerZone)), "EEE d MMM, HH:mm");
}

export function shortZone(zone: string): string {
  return zone.split("/").pop()?.replaceAll("_", " ") ?? zone;
}

export type DueRangePreset = "today" | "week" | "overdue" | "custom";

/** The API filter for a due-range preset, as instants bounded to whole days (stable query keys). */
export function dueRangeFilter(
  preset: DueRangePreset | null,
  custom: { from?: string | null; to?: string | null },
  now: Date,
  viewerZone: string,
): { dueFrom?: string; dueTo?: string; overdue?: boolean } {
  const zoned = new TZDate(now, safeZone(viewerZone));
  switch (preset) {
    case "today":
      return { dueFrom: startOfDay(zoned).toISOString(), dueTo: endOfDay(zoned).toISOString() };
    case "week":
      return {
        dueFrom: startOfDay(zoned).toISOString(),
        dueTo: endOfWeek(zoned, { weekStartsOn: 1 }).toISOString(),
      };
    case "overdue":
      return { overdue: true };
    case "custom": {
      const out: { dueFrom?: string; dueTo?: string } = {};
      if (custom.from) out.dueFrom = startOfDay(dateInZone(custom.from, viewerZone)).toISOString();
      if (custom.to) out.dueTo = endOfDay(dateInZone(custom.to, viewerZone)).toISOString();
      return out;
    }
    default:
      return {};
  }
}

/** A "yyyy-MM-dd" date at midnight in the given zone. */
export function dateInZone(day: string, zone: string): TZDate {
  const [y, m, d] = day.split("-").map(Number);
  return new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, safeZone(zone));
}

/** A local "yyyy-MM-dd" + "HH:mm" in a zone → ISO instant. */
export function zonedToIso(day: string, time: string | null, zone: string): string {
  const [y, m, d] = day.split("-").map(Number);
  const [hh, mm] = (time ?? "00:00").split(":").map(Number);
  return new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0, safeZone(zone)).toISOString();
}

/** ISO instant → the "yyyy-MM-dd" and "HH:mm" a date/time input shows for that zone. */
export function isoToZonedParts(iso: string, zone: string): { day: string; time: string } {
  const zoned = new TZDate(iso, safeZone(zone));
  return { day: format(zoned, "yyyy-MM-dd"), time: format(zoned, "HH:mm") };
}

export function todayKey(now: Date, zone: string): string {
  return format(new TZDate(now, safeZone(zone)), "yyyy-MM-dd");
}

export function addDaysKey(day: string, n: number, zone: string): string {
  return format(addDays(dateInZone(day, zone), n), "yyyy-MM-dd");
}

/** Unknown zone names (typos in stored data) fall back to UTC instead of throwing while rendering. */
export function safeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}
