// The reminder.fired event id, derived from the job name: every firing of one job computes the
// same id, and notifications.event_id is unique, so a job that fires twice, or on two replicas at
// once, creates one notification and one event.
import { nameBasedId } from "../notifications/name-based-id.ts";

export function reminderFiredEventId(jobName: string): string {
  return nameBasedId(`taskboard:reminder.fired:${jobName}`);
}
