// This tab's cached projects, sections and members: project.list, project.get, section.list and
// member.list, found with tRPC's own keys. Live changes of the feed (realtime/apply-change.ts) and
// the project mutations (use-project-actions.ts) both write through here.
import type { QueryClient } from "@tanstack/react-query";
import type { TSectionSnapshot } from "@taskboard/events";
import { removeProjectTasks } from "@/board/task-cache";
import { queryKeys } from "@/trpc/query-keys";
import type { ProjectView } from "./project-types";

type ProjectList = { projects: ProjectView[] };

export function cachedProject(client: QueryClient, projectId: string): ProjectView | undefined {
  const list = client.getQueryData<ProjectList>(queryKeys.project.list.queryKey());
  return list?.projects.find((p) => p.id === projectId) ?? client.getQueryData(queryKeys.project.get.queryKey({ id: projectId }));
}

/**
 * A project as this member now sees it. The feed's payload may lack this member's own fields
 * (sidebar position, view, member count): those are kept from what the cache holds. A project the
 * cache does not know yet makes the list refetch, so its own fields come from the server.
 */
export function putProject(client: QueryClient, next: Partial<ProjectView> & Pick<ProjectView, "id">): void {
  if (next.deletedAt) return dropProject(client, next.id);
  const known = cachedProject(client, next.id);
  if (!known) {
    void client.invalidateQueries(queryKeys.project.list.queryFilter());
    return;
  }
  if (next.version !== undefined && next.version < known.version) return;
  const merged = { ...known, ...next } as ProjectView;
  client.setQueryData<ProjectList>(queryKeys.project.list.queryKey(), (list) =>
    list && { ...list, projects: list.projects.map((p) => (p.id === merged.id ? merged : p)) },
  );
  client.setQueryData(queryKeys.project.get.queryKey({ id: merged.id }), merged);
}

/** A project this member just got (created, or an invitation accepted), in the sidebar at once. */
export function addProject(client: QueryClient, project: ProjectView): void {
  client.setQueryData<ProjectList>(queryKeys.project.list.queryKey(), (list) =>
    list && { ...list, projects: [...list.projects.filter((p) => p.id !== project.id), project] },
  );
  client.setQueryData(queryKeys.project.get.queryKey({ id: project.id }), project);
}

/** The project is gone for this member: from the sidebar, its board, its tasks, sections and members. */
export function dropProject(client: QueryClient, projectId: string): void {
  client.setQueryData<ProjectList>(queryKeys.project.list.queryKey(), (list) =>
    list && { ...list, projects: list.projects.filter((p) => p.id !== projectId) },
  );
  client.removeQueries(queryKeys.project.get.queryFilter({ id: projectId }));
  client.removeQueries(queryKeys.section.list.queryFilter({ projectId }));
  client.removeQueries(queryKeys.member.list.queryFilter({ projectId }));
  removeProjectTasks(client, projectId);
}

/** A section created, renamed, moved (`removed` false) or deleted: the project's section list follows. */
export function putSection(client: QueryClient, section: TSectionSnapshot, removed: boolean): void {
  const key = queryKeys.section.list.queryKey({ projectId: section.projectId });
  client.setQueryData<TSectionSnapshot[]>(key, (sections) => {
    if (!sections) return sections;
    const held = sections.find((s) => s.id === section.id);
    if (held && held.version > section.version) return sections;
    const others = sections.filter((s) => s.id !== section.id);
    if (removed || section.deletedAt) return others;
    return [...others, section].sort((a, b) => a.position - b.position);
  });
}

export function refetchMembers(client: QueryClient, projectId: string): void {
  void client.invalidateQueries(queryKeys.member.list.queryFilter({ projectId }));
}

/** An invitation to me arrived or closed; or one I sent changed (the owner's pending list). */
export function refetchInvitations(client: QueryClient, projectId: string): void {
  void client.invalidateQueries(queryKeys.member.myInvitations.queryFilter());
  refetchMembers(client, projectId);
}
