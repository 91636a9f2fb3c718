"use client";
// Where the task lives and who does it: its project (one the user may write to), a section of
// that project, and a member of it as assignee. All optional; saved with the other fields.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import type { EditorDraft } from "./editor-draft";
import { errorProps, FieldErrorText } from "./field-error";

type Props = {
  draft: EditorDraft;
  set: (patch: Partial<EditorDraft>) => void;
  errors: Record<string, string>;
};

type ProjectOption = { id: string; name: string; isInbox: boolean; role: string; archivedAt: string | null; deletedAt: string | null };

/** Projects a task can be put in: live ones the user may write to, plus the one it is in now. */
export function writableProjects(projects: ProjectOption[], currentId: string): ProjectOption[] {
  return projects.filter((p) => p.id === currentId || (p.role !== "VIEWER" && !p.archivedAt && !p.deletedAt));
}

export function PlacementFields({ draft, set, errors }: Props) {
  const trpc = useTRPC();
  const projectsQuery = useQuery(trpc.project.list.queryOptions());
  const projectId = draft.projectId;
  const sectionsQuery = useQuery({ ...trpc.section.list.queryOptions({ projectId }), enabled: Boolean(projectId) });
  const membersQuery = useQuery({ ...trpc.member.list.queryOptions({ projectId }), enabled: Boolean(projectId) });
  const projects = writableProjects((projectsQuery.data?.projects ?? []) as ProjectOption[], projectId);
  const sections = projectId ? (sectionsQuery.data ?? []) : [];
  const members = projectId ? (membersQuery.data?.members ?? []) : [];
  const assigneeGone = Boolean(draft.assigneeId) && membersQuery.isSuccess && !members.some((m) => m.userId === draft.assigneeId);

  return (
    <fieldset className="field-group">
      <legend className="field-label">Project</legend>
      <div className="inline-fields">
        <label className="field compact">
          <span className="field-label small">Project</span>
          <select
            value={projectId}
            // Sections belong to one project; the assignee stays if they are a member there too.
            onChange={(e) => set({ projectId: e.target.value, sectionId: "" })}
            {...errorProps("project-error", errors.projectId)}
          >
            {!projectId && <option value="">Inbox</option>}
            {projects.map((p) => <option key={p.id} value={p.id}>{p.isInbox ? "Inbox" : p.name}</option>)}
          </select>
        </label>
        <label className="field compact">
          <span className="field-label small">Section</span>
          <select value={draft.sectionId} onChange={(e) => set({ sectionId: e.target.value })} {...errorProps("section-error", errors.sectionId)}>
            <option value="">No section</option>
            {sections.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label className="field compact">
          <span className="field-label small">Assignee</span>
          <select value={draft.assigneeId} onChange={(e) => set({ assigneeId: e.target.value })} {...errorProps("assignee-error", errors.assigneeId)}>
            <option value="">Nobody</option>
            {assigneeGone && <option value={draft.assigneeId}>Not a member of this project</option>}
            {members.map((m) => <option key={m.userId} value={m.userId}>{m.name || m.email}</option>)}
          </select>
        </label>
      </div>
      <FieldErrorText id="project-error" message={errors.projectId} />
      <FieldErrorText id="section-error" message={errors.sectionId} />
      <FieldErrorText id="assignee-error" message={errors.assigneeId} />
    </fieldset>
  );
}
