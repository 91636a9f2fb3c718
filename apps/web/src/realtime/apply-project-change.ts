// The feed's project, section, membership and invitation changes (docs/projects.md, "What a
// membership change does to the feeds"), applied to this tab's project caches.
import type { QueryClient } from "@tanstack/react-query";
import type { TInvitationSnapshot, TSectionSnapshot } from "@taskboard/events";
import { cachedProject, dropProject, putProject, putSection, refetchInvitations, refetchMembers } from "@/projects/ui/project-cache";
import type { ProjectView } from "@/projects/ui/project-types";
import { queryKeys } from "@/trpc/query-keys";
import type { TUserChange } from "./list-changes-since.schema";

export const PROJECT_CHANGE_KINDS = [
  "project.upserted",
  "project.joined",
  "project.left",
  "section.upserted",
  "section.removed",
  "members.changed",
  "invitation",
] as const;

export type ProjectChangeKind = (typeof PROJECT_CHANGE_KINDS)[number];

export function isProjectChange(change: TUserChange): change is TUserChange & { kind: ProjectChangeKind } {
  return (PROJECT_CHANGE_KINDS as readonly string[]).includes(change.kind);
}

/** What the page around the caches does when this member loses or gains a project. */
export interface ProjectChangeHooks {
  /** The member was removed, left, or the project was deleted; `name` if the tab knew it. */
  onProjectLeft?(projectId: string, name: string | undefined): void;
  onProjectJoined?(projectId: string, name: string | undefined): void;
}

export function applyProjectChange(
  client: QueryClient,
  change: TUserChange & { kind: ProjectChangeKind },
  hooks: ProjectChangeHooks = {},
): void {
  const payload = (change.payload ?? {}) as Record<string, unknown>;
  switch (change.kind) {
    case "project.upserted":
      putProject(client, payload as Partial<ProjectView> & Pick<ProjectView, "id">);
      return;
    case "project.joined":
      // The list brings this member's own fields (position, view, member count) with it.
      void client.invalidateQueries(queryKeys.project.list.queryFilter());
      hooks.onProjectJoined?.(String(payload.id ?? change.entityId), payload.name as string | undefined);
      return;
    case "project.left": {
      const projectId = String(payload.projectId ?? change.entityId);
      const name = cachedProject(client, projectId)?.name;
      dropProject(client, projectId);
      hooks.onProjectLeft?.(projectId, name);
      return;
    }
    case "section.upserted":
    case "section.removed":
      putSection(client, payload as TSectionSnapshot, change.kind === "section.removed");
      return;
    case "members.changed":
      refetchMembers(client, String(payload.projectId ?? change.entityId));
      return;
    case "invitation":
      refetchInvitations(client, (payload as Partial<TInvitationSnapshot>).projectId ?? change.entityId);
      return;
  }
}
