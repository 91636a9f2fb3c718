// Splits the loaded tasks into the sections the board shows, keeping the server's order inside
// each section.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { addDaysKey, dateInZone, dueDayKey, isOverdue, todayKey } from "./due-dates";
import type { Section, Task } from "./types";

export type GroupBy = "due" | "status";
export type TaskGroup = { key: string; label: string; tasks: Task[]; tone?: "danger" | "muted" };

export function groupTasks(tasks: Task[], by: GroupBy, now: Date, viewerZone: string): TaskGroup[] {
  return by === "status" ? groupByStatus(tasks) : groupByDueDay(tasks, now, viewerZone);
}

/** The key of the "No section" group (a task whose section is null or no longer exists). */
export const NO_SECTION_KEY = "section:none";

export type SectionGroup = TaskGroup & { section: Section | null };

/**
 * One group per section in section order, "No section" first, each kept even when empty (it is a
 * column or a heading to drop into). Inside a group tasks keep the given order, or are put in
 * position order with `byPosition` (the board: live updates change positions in place). A task
 * whose section is unknown here (deleted meanwhile, not loaded yet) shows under "No section".
 */
export function groupBySection(tasks: readonly Task[], sections: readonly Section[], options: { byPosition?: boolean } = {}): SectionGroup[] {
  const ordered = [...sections].filter((s) => !s.deletedAt).sort((a, b) => a.position - b.position);
  const noSection: SectionGroup = { key: NO_SECTION_KEY, label: "No section", tasks: [], section: null };
  const groups: SectionGroup[] = [
    noSection,
    ...ordered.map((section) => ({ key: sectionKey(section.id), label: section.name, tasks: [], section })),
  ];
  const byKey = new Map(groups.map((g) => [g.key, g]));
  for (const task of tasks) {
    const group = (task.sectionId ? byKey.get(sectionKey(task.sectionId)) : undefined) ?? noSection;
    group.tasks.push(task);
  }
  if (options.byPosition) for (const group of groups) group.tasks.sort((a, b) => a.position - b.position);
  return groups;
}

export function isSectionGroup(group: TaskGroup): group is SectionGroup {
  return "section" in group;
}

export function sectionKey(sectionId: string | null): string {
  return sectionId ? `section:${sectionId}` : NO_SECTION_KEY;
}

function groupByStatus(tasks: Task[]): TaskGroup[] {
  const open = tasks.filter((t) => t.status === "OPEN");
  const done = tasks.filter((t) => t.status === "COMPLETED");
  return [
    { key: "open", label: "Open", tasks: open },
    { key: "completed", label: "Completed", tasks: done, tone: "muted" as const },
  ].filter((g) => g.tasks.length > 0);
}

function groupByDueDay(tasks: Task[], now: Date, zone: string): TaskGroup[] {
  const today = todayKey(now, zone);
  const tomorrow = addDaysKey(today, 1, zone);
  const weekEnd = addDaysKey(today, 6, zone);
  const groups = new Map<string, TaskGroup>();
  const add = (key: string, label: string, task: Task, tone?: TaskGroup["tone"]) => {
    let group = groups.get(key);
    if (!group) {
      group = { key, label, tasks: [], ...(tone ? { tone } : {}) };
      groups.set(key, group);
    }
    group.tasks.push(task);
  };

  for (const task of tasks) {
    const day = dueDayKey(task, zone);
    if (day === null) add("~none", "No date", task, "muted");
    else if (isOverdue(task, now, zone)) add("!overdue", "Overdue", task, "danger");
    else if (day < today) add("#earlier", "Earlier", task, "muted");
    else if (day === today) add(`d:${today}`, "Today", task);
    else if (day === tomorrow) add(`d:${tomorrow}`, "Tomorrow", task);
    else if (day <= weekEnd) add(`d:${day}`, format(new TZDate(dateInZone(day, zone), zone), "EEEE"), task);
    else add("~later", "Later", task);
  }
  // Overdue first, then dated days in calendar order, then Later, then No date.
  return [...groups.values()].sort((a, b) => rank(a.key).localeCompare(rank(b.key)));
}

function rank(key: string): string {
  if (key === "!overdue") return "0";
  if (key === "#earlier") return "05";
  if (key.startsWith("d:")) return `1${key.slice(2)}`;
  if (key === "~later") return "2";
  return "3";
}
