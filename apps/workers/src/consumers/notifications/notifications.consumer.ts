/**
 * Notifications: the in-app notifications that are not reminders. A task given to someone
 * ("assigned") and an invitation to a registered user ("invitation"), each once per event, in
 * the runtime's transaction, reaching the recipient's tray live through their change feed.
 */
import { findProjectSnapshot, findUserIdByEmail, findUserNames } from "@taskboard/db";
import { invitationCreated, taskCreated, taskUpdated, TOPICS } from "@taskboard/events";
import { defineConsumer } from "../../runtime/define-consumer.ts";
import { newAssignee } from "./assignment.ts";
import { notify } from "./notify.ts";

export const assignmentNotificationsConsumer = defineConsumer({
  name: "notifications",
  topic: TOPICS.taskEvents,
  events: [taskCreated, taskUpdated],
  async handle(event, { tx, publishAfterCommit }) {
    const assignee = newAssignee(event);
    if (!assignee) return;
    const { task } = event.data;
    const actor = event.actorid ?? event.partitionkey;
    const names = await findUserNames(tx, [actor]);
    const project = task.projectId ? await findProjectSnapshot(tx, task.projectId) : null;
    const where = project ? ` in ${project.name}` : "";
    await notify(tx, publishAfterCommit, event, {
      kind: "assigned",
      recipientId: assignee,
      taskId: task.id,
      title: task.title,
      body: `${names.get(actor) ?? "Someone"} assigned you a task${where}`,
      version: task.version,
    });
  },
});

export const invitationNotificationsConsumer = defineConsumer({
  name: "notifications-invitations",
  topic: TOPICS.projectEvents,
  events: [invitationCreated],
  async handle(event, { tx, publishAfterCommit }) {
    const { invitation } = event.data;
    // An address with no account yet: the invitation waits for its sign-up (member.myInvitations).
    const invitee = await findUserIdByEmail(tx, invitation.email);
    if (!invitee) return;
    const names = await findUserNames(tx, [invitation.invitedBy]);
    await notify(tx, publishAfterCommit, event, {
      kind: "invitation",
      recipientId: invitee,
      taskId: null,
      title: invitation.projectName,
      body: `${names.get(invitation.invitedBy) ?? "Someone"} invited you to ${invitation.projectName} as ${invitation.role.toLowerCase()}`,
      version: 0,
    });
  },
});
