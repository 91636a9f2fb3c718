// Who sees a task change: every CURRENT member of the task's project (docs/projects.md,
// "Ordering"), read in the consumer's transaction, so a member removed before this commit gets
// nothing more of the project and a member added before it gets everything from here on. A task
// moved out of a project is "task.removed" for the members of the old project who are not in the
// new one.
import { findTaskProjectIds, listMemberIdsByProject, type Tx } from "@taskboard/db";
import type { TTaskSnapshot } from "@taskboard/events";
import { PermanentError } from "../../runtime/errors.ts";
import type { FeedChange } from "../feed/feed-change.ts";
import { taskChangeKind } from "./task-change.ts";

export interface TaskEventLike {
  id: string;
  type: string;
  partitionkey: string;
  data: { task: TTaskSnapshot; previous?: TTaskSnapshot };
}

/** The feed changes of these events, in event order (several members each). */
export async function taskFanOut(tx: Tx, events: readonly TaskEventLike[]): Promise<FeedChange[]> {
  for (const event of events) {
    // The partition key is the creator: anything else is a producer bug that would break the
    // ordering every consumer relies on (docs/invariants.md #7).
    if (event.data.task.userId !== event.partitionkey) {
      throw new PermanentError(`event partitionkey ${event.partitionkey} is not the task's creator ${event.data.task.userId}`);
    }
  }
  // Events written before projects carry no projectId: the task's row says where it is now.
  const unplaced = events.filter((event) => !event.data.task.projectId).map((event) => event.data.task.id);
  const storedProject = await findTaskProjectIds(tx, unplaced);
  const projectOf = (task: TTaskSnapshot) => task.projectId ?? storedProject.get(task.id);
  const projectIds = events.flatMap((event) => [projectOf(event.data.task), event.data.previous?.projectId]).filter((id): id is string => !!id);
  const members = await listMemberIdsByProject(tx, projectIds);

  return events.flatMap((event) => {
    const { task, previous } = event.data;
    const projectId = projectOf(task);
    // A task whose project cannot be found any more (its account is gone): only its creator.
    const audience = projectId ? (members.get(projectId) ?? []) : [task.userId];
    const kind = taskChangeKind(event.type, task);
    const change = (userId: string, changeKind: typeof kind): FeedChange => ({
      userId,
      kind: changeKind,
      entityId: task.id,
      version: task.version,
      payload: task,
      eventId: `${event.id}:${userId}`,
    });
    const leftBehind =
      previous?.projectId && previous.projectId !== projectId
        ? (members.get(previous.projectId) ?? []).filter((userId) => !audience.includes(userId))
        : [];
    return [...audience.map((userId) => change(userId, kind)), ...leftBehind.map((userId) => change(userId, "task.removed"))];
  });
}
