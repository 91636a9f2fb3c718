// How a project event becomes entries of its members' change feeds (the kinds of the socket
// contract, @taskboard/realtime; docs/projects.md, "What a membership change does to the feeds").
// Recipients are the CURRENT members, read in the consumer's transaction: a removed member gets
// "project.left" once and then nothing more of the project.
import { findProjectSnapshot, findUserIdByEmail, listProjectMemberRoles, type Tx } from "@taskboard/db";
import type { TProjectRole, TProjectSnapshot } from "@taskboard/events";
import type { FeedChange } from "../feed/feed-change.ts";
import type { ProjectEvent } from "../project-event.ts";

interface Audience {
  project: TProjectSnapshot | null;
  members: { userId: string; role: TProjectRole }[];
}

function projectIdOf(event: ProjectEvent): string {
  const data = event.data as Partial<Record<"project" | "section" | "member" | "invitation", { id?: string; projectId?: string }>>;
  return data.project?.id ?? must(data.section?.projectId ?? data.member?.projectId ?? data.invitation?.projectId);
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("a project event names no project");
  return value;
}

async function audienceOf(tx: Tx, event: ProjectEvent): Promise<Audience> {
  const projectId = projectIdOf(event);
  const fromEvent = "project" in event.data ? event.data.project : null;
  return { project: fromEvent ?? (await findProjectSnapshot(tx, projectId)), members: await listProjectMemberRoles(tx, projectId) };
}

export async function projectFeedChanges(tx: Tx, event: ProjectEvent): Promise<FeedChange[]> {
  const { project, members } = await audienceOf(tx, event);
  const projectId = projectIdOf(event);
  const version = project?.version ?? 0;
  const row = <C extends FeedChange>(change: Omit<C, "eventId">): FeedChange =>
    ({ ...change, eventId: `${event.id}:${change.userId}:${change.kind}` }) as FeedChange;
  const upserted = (userId: string, role: TProjectRole, kind: "project.upserted" | "project.joined" = "project.upserted") =>
    project ? [row({ userId, kind, entityId: projectId, version, payload: { ...project, role, memberCount: members.length } })] : [];
  const left = (userId: string) => row({ userId, kind: "project.left", entityId: projectId, version, payload: { projectId } });
  const membersChanged = (userId: string) => row({ userId, kind: "members.changed", entityId: projectId, version, payload: { projectId } });
  const everyone = (change: (member: { userId: string; role: TProjectRole }) => FeedChange[]) => members.flatMap(change);

  switch (event.type) {
    case "project.created":
    case "project.updated":
    case "project.restored":
      return everyone(({ userId, role }) => upserted(userId, role));
    case "project.deleted":
      return everyone(({ userId }) => [left(userId)]);
    case "section.created":
    case "section.updated": {
      const { section } = event.data;
      return everyone(({ userId }) => [row({ userId, kind: "section.upserted", entityId: section.id, version: section.version, payload: section })]);
    }
    case "section.deleted": {
      const { section } = event.data;
      return everyone(({ userId }) => [row({ userId, kind: "section.removed", entityId: section.id, version: section.version, payload: section })]);
    }
    case "member.added": {
      const joined = event.data.member.userId;
      return everyone(({ userId, role }) =>
        userId === joined ? upserted(userId, role, "project.joined") : [membersChanged(userId), ...upserted(userId, role)],
      );
    }
    case "member.updated": {
      const changed = event.data.member.userId;
      return everyone(({ userId, role }) => (userId === changed ? upserted(userId, role) : [membersChanged(userId)]));
    }
    case "member.removed": {
      // Already gone from the members: they get project.left, the others the new count.
      const others = everyone(({ userId, role }) => [membersChanged(userId), ...upserted(userId, role)]);
      return [left(event.data.member.userId), ...others];
    }
    case "invitation.created":
    case "invitation.closed": {
      const { invitation } = event.data;
      const invitee = await findUserIdByEmail(tx, invitation.email);
      // The owner's pending-invitation list changes too: every member refetches member.list.
      const toMembers = everyone(({ userId }) => (userId === invitee ? [] : [membersChanged(userId)]));
      const toInvitee = invitee ? [row({ userId: invitee, kind: "invitation", entityId: invitation.id, version: 0, payload: invitation })] : [];
      return [...toInvitee, ...toMembers];
    }
  }
}
