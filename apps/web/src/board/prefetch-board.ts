// A board's first render on the server: its tasks (the first page of task.list, with the input and
// so the query key the browser's list will use), and what the list waits on to show them in place
// (the project's sections, its members' avatars). A page awaits this and hands the result to
// <HydrateClient>, so the tasks are in the HTML and the browser does not ask for them again.
import "server-only";
import type { QueryKey } from "@tanstack/react-query";
import { redirect } from "next/navigation";
import { getQueryClient, getSessionUser, prefetch, trpc } from "@/trpc/server";
import { boardListInput, listInputDependsOnZone } from "./board-list-input";
import type { BoardScope } from "./board-scope";
import { todayKey } from "./due-dates";
import { parseBoardFilters, searchParamsOf } from "./filters/board-filters";
import { kanbanListInput } from "./kanban/kanban-list-input";
import { FALLBACK_ZONE } from "./viewer-zone/zone-cookie";
import { readZoneCookie } from "./viewer-zone/read-zone-cookie";

export type PageSearchParams = Record<string, string | string[] | undefined>;

/** The Inbox is a project whose id the server looks up; every other board names its scope. */
export type PrefetchScope = BoardScope | { kind: "inbox" };

/** Resolves with the keys of the queries now in the request's cache, for <HydrateClient>. */
export async function prefetchBoard(requested: PrefetchScope, searchParams: Promise<PageSearchParams>): Promise<QueryKey[]> {
  // The layout redirects too, but it renders beside this page, not before it.
  if (!(await getSessionUser())) redirect("/sign-in");
  const [cookieZone, params, projects] = await Promise.all([
    readZoneCookie(),
    searchParams,
    requested.kind === "inbox" || requested.kind === "project" ? projectList() : Promise.resolve([]),
  ]);

  let scope: BoardScope;
  let project: Awaited<ReturnType<typeof projectList>>[number] | undefined;
  if (requested.kind === "inbox" || requested.kind === "project") {
    project = projects.find((p) => (requested.kind === "inbox" ? p.isInbox : p.id === requested.projectId));
    // Not the user's project (any more): the board says so, with nothing to list.
    if (!project) return [];
    scope = { kind: "project", projectId: project.id };
  } else {
    scope = requested;
  }

  const filters = parseBoardFilters(searchParamsOf(params));
  const started: [QueryKey, Promise<void>][] = [];
  // Without the viewer's zone a zone-bound list (Today, "due this week") would be fetched with the
  // wrong day's bounds: then the browser lists it, once it knows the zone.
  if (cookieZone || !listInputDependsOnZone(filters, scope)) {
    const zone = cookieZone ?? FALLBACK_ZONE;
    const input = boardListInput(filters, scope, zone, todayKey(new Date(), zone));
    const tasks = trpc.task.list.infiniteQueryOptions(project?.view === "KANBAN" ? kanbanListInput(input) : input, {
      getNextPageParam: (page) => page.nextCursor,
    });
    started.push([tasks.queryKey, prefetch(tasks)]);
  }
  if (project) {
    const sections = trpc.section.list.queryOptions({ projectId: project.id });
    started.push([sections.queryKey, prefetch(sections)]);
    if (!project.isInbox) {
      const members = trpc.member.list.queryOptions({ projectId: project.id });
      started.push([members.queryKey, prefetch(members)]);
    }
  }
  await Promise.all(started.map(([, done]) => done));
  return started.map(([key]) => key);
}

/** project.list from the request's cache (the layout's prefetch of the shell fetches it once). */
async function projectList() {
  const options = trpc.project.list.queryOptions();
  await prefetch(options);
  return getQueryClient().getQueryData(options.queryKey)?.projects ?? [];
}
