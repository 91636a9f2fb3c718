// The server prefetches task.list with the input the browser builds: the same page URL and zone
// must give the same tRPC query key on both sides, whatever zone the machine itself runs in.
import { describe, expect, it } from "vitest";
import { queryKeys } from "@/trpc/testing/query-keys";
import { boardListInput, listInputDependsOnZone } from "./board-list-input";
import { todayKey } from "./due-dates";
import { parseBoardFilters, searchParamsOf } from "./filters/board-filters";
import { kanbanListInput } from "./kanban/kanban-list-input";

const key = (input: ReturnType<typeof boardListInput>) => queryKeys.task.list.infiniteQueryKey(input);

describe("the board's task.list input", () => {
  it("is the same from a server page's searchParams and from the browser's URL", () => {
    const url = new URL("http://localhost/projects/p1?status=all&priority=high,urgent&tag=a,b&due=week&q=+paint+&sort=title&dir=desc&q=second");
    const record = { status: "all", priority: "high,urgent", tag: "a,b", due: "week", q: [" paint ", "second"], sort: "title", dir: "desc" };
    const scope = { kind: "project", projectId: "p1" } as const;
    const day = todayKey(new Date("2026-05-10T22:30:00Z"), "Europe/Berlin");
    const browser = boardListInput(parseBoardFilters(url.searchParams), scope, "Europe/Berlin", day);
    const server = boardListInput(parseBoardFilters(searchParamsOf(record)), scope, "Europe/Berlin", day);
    expect(server).toEqual(browser);
    expect(key(server)).toEqual(key(browser));
    expect(key(kanbanListInput(server))).toEqual(key(kanbanListInput(browser)));
  });

  it("bounds Today by the viewer's day in the viewer's zone, not the machine's", () => {
    // 00:30 on 11 May in Berlin is still 10 May in UTC, where the server may well run.
    const now = new Date("2026-05-10T22:30:00Z");
    const day = todayKey(now, "Europe/Berlin");
    expect(day).toBe("2026-05-11");
    const input = boardListInput(parseBoardFilters(new URLSearchParams("due=today")), { kind: "today" }, "Europe/Berlin", day);
    expect(Date.parse(input.dueFrom ?? "")).toBe(Date.parse("2026-05-11T00:00:00+02:00"));
    expect(Date.parse(input.dueTo ?? "")).toBe(Date.parse("2026-05-11T23:59:59.999+02:00"));
  });

  it("stays the same all day", () => {
    const scope = { kind: "upcoming" } as const;
    const filters = parseBoardFilters(new URLSearchParams());
    const at = (iso: string) => boardListInput(filters, scope, "Pacific/Auckland", todayKey(new Date(iso), "Pacific/Auckland"));
    expect(at("2026-05-10T12:05:00Z")).toEqual(at("2026-05-11T11:55:00Z"));
    expect(at("2026-05-10T12:05:00Z")).not.toEqual(at("2026-05-11T12:05:00Z"));
  });

  it("needs the zone only for Today, Upcoming and day-bounded due filters", () => {
    const filters = (query: string) => parseBoardFilters(new URLSearchParams(query));
    const project = { kind: "project", projectId: "p1" } as const;
    expect(listInputDependsOnZone(filters(""), project)).toBe(false);
    expect(listInputDependsOnZone(filters("due=overdue&q=x"), { kind: "assigned" })).toBe(false);
    expect(listInputDependsOnZone(filters("due=custom"), project)).toBe(false);
    expect(listInputDependsOnZone(filters("due=custom&from=2026-05-01"), project)).toBe(true);
    expect(listInputDependsOnZone(filters("due=today"), project)).toBe(true);
    expect(listInputDependsOnZone(filters("due=week"), project)).toBe(true);
    expect(listInputDependsOnZone(filters(""), { kind: "today" })).toBe(true);
    expect(listInputDependsOnZone(filters(""), { kind: "upcoming" })).toBe(true);
  });
});
