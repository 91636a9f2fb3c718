"use client";
// A task's own history, compact, for the task editor: <TaskHistory taskId={task.id} />.
import { AuditTimeline } from "./audit-timeline";

export function TaskHistory({ taskId }: { taskId: string }) {
  return (
    <section aria-label="Task history">
      <h3 className="small muted">History</h3>
      <AuditTimeline filter={{ taskId, limit: 20 }} compact />
    </section>
  );
}
