/**
 * Sync (project-events): every change to a project, its sections, its members and invitations
 * becomes entries of the change feeds of the people it concerns (project-changes.ts), appended in
 * the runtime's transaction and pushed to their rooms after the commit, like task changes.
 */
import { PROJECT_EVENT_DEFINITIONS, TOPICS } from "@taskboard/events";
import { defineConsumer } from "../../runtime/define-consumer.ts";
import { appendAndPush } from "../feed/append-and-push.ts";
import type { FeedChange } from "../feed/feed-change.ts";
import { projectFeedChanges } from "./project-changes.ts";

export const syncProjectsConsumer = defineConsumer({
  name: "sync-projects",
  topic: TOPICS.projectEvents,
  events: PROJECT_EVENT_DEFINITIONS,
  async handle(event, { tx, publishAfterCommit }) {
    await appendAndPush(tx, publishAfterCommit, await projectFeedChanges(tx, event));
  },
  // A project's backlog: each event read against the members as they are now, appended together.
  async handleMany(events, { tx, publishAfterCommit }) {
    const changes: FeedChange[] = [];
    for (const event of events) changes.push(...(await projectFeedChanges(tx, event)));
    await appendAndPush(tx, publishAfterCommit, changes);
  },
});
