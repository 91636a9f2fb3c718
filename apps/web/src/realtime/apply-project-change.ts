// The feed's project, section, membership and invitation changes (docs/projects.md, "What a
// membership change does to the feeds"), applied to this tab's project caches.
import type { QueryClient } from "@tanstack/react-query";
import { CHANGE_KINDS, type TChangeKind, type TChangePayload } from "@taskboard/realtime";
import { cachedProject, dropProject, putProject, putSection, refetchInvitations, refetchMembers } from "@/projects/ui/project-cache";
import type { ProjectView } from "@/projects/ui/project-types";
import { queryKeys } from "@/trpc/query-keys";
import type { TUserChange } from "./list-changes-since.schema";

export type ProjectChangeKind = Exclude<TChangeKind, "task.upserted" | "task.removed" | "notification" | "audit">;

/** Every kind of the socket contract except the task, notification and audit ones. */
export const PROJECT_CHANGE_KINDS = CHANGE_KINDS.filter(
  (kind): kind is ProjectChangeKind => !["task.upserted", "task.removed", "notification", "audit"].includes(kind),
);

export function isProjectChange(change: TUserChange): change is TUserChange & { kind: ProjectChangeKind } {
  return (PROJECT_CHANGE_KINDS as readonly string[]).includes(change.kind);
}

/** The payload the socket contract (@taskboard/realtime) gives this kind. */
const payloadOf = <K extends ProjectChangeKind>(change: TUserChange, _kind: K) => change.payload as TChangePayload<K>;

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
  switch (change.kind) {
    case "project.upserted":
      putProject(client, payloadOf(change, "project.upserted") as Partial<ProjectView> & Pick<ProjectView, "id">);
      return;
    case "project.joined": {
      // The list brings this member's own fields (position, view) with it.
      const project = payloadOf(change, "project.joined");
      void client.invalidateQueries(queryKeys.project.list.queryFilter());
      hooks.onProjectJoined?.(project.id, project.name);
      return;
    }
    case "project.left": {
      const { projectId } = payloadOf(change, "project.left");
      const name = cachedProject(client, projectId)?.name;
      dropProject(client, projectId);
      hooks.onProjectLeft?.(projectId, name);
      return;
    }
    case "section.upserted":
    case "section.removed":
      putSection(client, payloadOf(change, change.kind), change.kind === "section.removed");
      return;
    case "members.changed":
      refetchMembers(client, payloadOf(change, "members.changed").projectId);
      return;
    case "invitation":
      refetchInvitations(client, payloadOf(change, "invitation").projectId);
      return;
  }
}
