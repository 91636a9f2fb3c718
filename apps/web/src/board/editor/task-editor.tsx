"use client";
// The task editor dialog: every field of a task, saved as one update with the version it was
// opened at. Server validation errors appear next to their fields; a CONFLICT (someone changed the
// task meanwhile) loads the latest version, says what changed, and offers to take it as it is or
// to keep these edits on top of it (conflict.ts).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { TaskHistory } from "@/audit/task-history";
import { Dialog } from "@/components/dialog";
import { TagChip } from "@/components/tag-chip";
import { useTRPC } from "@/trpc/client";
import { readApiError } from "../api-errors";
import { describeTaskChanges, mergeDrafts, type TaskChange } from "./conflict";
import { putTask } from "../task-cache";
import { PRIORITIES, PRIORITY_LABEL, type Task } from "../types";
import type { CreateTaskInput, useTaskActions } from "../use-task-actions";
import { DescriptionField } from "./description-field";
import { DueFields } from "./due-fields";
import { draftFromCreateInput, draftFromTask, FieldError, fieldsFromDraft, patchFromDraft, type EditorDraft } from "./editor-draft";
import { errorProps, FieldErrorText } from "./field-error";
import styles from "./editor.module.css";
import { PlacementFields } from "./placement-fields";
import { RecurrenceFields } from "./recurrence-fields";
import { ReminderFields } from "./reminder-fields";
import { TagPicker, type TagOption } from "./tag-picker";

export type EditorTarget = { mode: "edit"; task: Task } | { mode: "create"; input: CreateTaskInput };

type Props = {
  target: EditorTarget;
  tags: TagOption[];
  zone: string;
  actions: ReturnType<typeof useTaskActions>;
  onClose: () => void;
  /** Show the task without letting it change (the project's role decides too: a viewer's is). */
  readOnly?: boolean | undefined;
};

function initialDraft(target: EditorTarget, tags: TagOption[], zone: string): { draft: EditorDraft; pendingTagNames: string[] } {
  if (target.mode === "edit") {
    return { draft: draftFromTask({ ...target.task, tagIds: target.task.tags.map((t) => t.id) }, zone), pendingTagNames: [] };
  }
  const names = target.input.tagNames ?? [];
  const known = names.map((n) => tags.find((t) => t.name.toLowerCase() === n.toLowerCase()));
  return {
    draft: draftFromCreateInput(target.input, known.filter((t): t is TagOption => Boolean(t)).map((t) => t.id), zone),
    pendingTagNames: names.filter((_, i) => !known[i]),
  };
}

export function TaskEditor({ target, tags, zone, actions, onClose, readOnly: forcedReadOnly }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const projectsQuery = useQuery(trpc.project.list.queryOptions());
  const taskProjectId = target.mode === "edit" ? target.task.projectId : undefined;
  const role = projectsQuery.data?.projects.find((p) => p.id === taskProjectId)?.role;
  // The server refuses a viewer's writes anyway; the form says so up front instead.
  const readOnly = Boolean(forcedReadOnly) || role === "VIEWER";
  const [initial] = useState(() => initialDraft(target, tags, zone));
  const [draft, setDraft] = useState(initial.draft);
  const [pendingTagNames, setPendingTagNames] = useState(initial.pendingTagNames);
  const [base, setBase] = useState(target.mode === "edit" ? target.task : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // The form as it was loaded from `base`: what "my edits" are measured against in a merge.
  const [ancestor, setAncestor] = useState(initial.draft);
  const [conflict, setConflict] = useState<{ latest: Task; changes: TaskChange[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<EditorDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const conflictRef = useRef<HTMLDivElement>(null);
  // The Save button is at the bottom of a long form; bring the explanation into view.
  // (A block body: Chromium's scrollIntoView() now returns a promise, which React would take for
  // the effect's cleanup function.)
  useEffect(() => {
    conflictRef.current?.scrollIntoView({ block: "nearest" });
  }, [conflict]);

  async function loadLatest(): Promise<Task | null> {
    if (!base) return null;
    const latest = (await queryClient.fetchQuery({ ...trpc.task.get.queryOptions({ id: base.id }), staleTime: 0 })) as Task;
    putTask(queryClient, latest);
    return latest;
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    setErrors({});
    setFormError(null);
    let fields;
    try {
      fields = fieldsFromDraft(draft);
    } catch (error) {
      if (error instanceof FieldError) return setErrors({ [error.field]: error.message });
      throw error;
    }
    setSaving(true);
    try {
      if (base) {
        const patch = patchFromDraft(base, fields);
        if (Object.keys(patch).length > 0) {
          await actions.update.mutateAsync({ id: base.id, expectedVersion: base.version, patch });
          toast.success("Task saved");
        }
      } else {
        await actions.create.mutateAsync({ ...fields, ...(pendingTagNames.length ? { tagNames: pendingTagNames } : {}) });
        toast.success("Task added");
      }
      onClose();
    } catch (error) {
      const view = readApiError(error);
      if (view.code === "CONFLICT" && base) {
        // Also refreshes the board behind the dialog.
        const latest = await loadLatest().catch((e: unknown) => {
          setFormError(readApiError(e).code === "NOT_FOUND" ? "This task was deleted elsewhere while you were editing it." : view.message);
          return null;
        });
        if (latest) setConflict({ latest, changes: describeTaskChanges(base, latest, new Date(), zone) });
      } else {
        setErrors(view.fields);
        if (Object.keys(view.fields).length === 0) setFormError(view.message);
      }
    } finally {
      setSaving(false);
    }
  }

  function resolveConflict(keepMine: boolean) {
    if (!conflict) return;
    const theirs = draftFromTask({ ...conflict.latest, tagIds: conflict.latest.tags.map((t) => t.id) }, zone);
    setDraft(keepMine ? mergeDrafts(ancestor, draft, theirs) : theirs);
    setAncestor(theirs);
    setBase(conflict.latest);
    setConflict(null);
    toast(keepMine ? "Their changes are loaded with your edits on top. Review, then save." : "Loaded the latest version.");
  }

  const title = readOnly ? "Task (view only)" : target.mode === "edit" ? "Edit task" : "New task";
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      size="lg"
      footer={
        <>
          {base && !readOnly && (
            <button
              type="button"
              className="button danger ghost"
              onClick={() => {
                actions.remove.mutate({ id: base.id, expectedVersion: base.version });
                onClose();
              }}
            >
              Delete
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="button ghost" onClick={onClose}>{readOnly ? "Close" : "Cancel"}</button>
          {!readOnly && (
            <button type="submit" form="task-editor-form" className="button primary" disabled={saving}>
              {saving ? "Saving…" : target.mode === "edit" ? "Save" : "Add task"}
            </button>
          )}
        </>
      }
    >
      <form id="task-editor-form" className="editor-form" onSubmit={save} noValidate>
        {conflict && (
          <div ref={conflictRef} className="banner warning" role="alert" aria-labelledby="conflict-title">
            <p id="conflict-title"><strong>Someone else changed this task while you were editing it</strong> (in another tab or on another device). Your edits are not saved yet.</p>
            {conflict.changes.length > 0 ? (
              <ul className="conflict-changes" aria-label="Their changes">
                {conflict.changes.map((c) => <li key={c.field}>{c.field}: {c.now}</li>)}
              </ul>
            ) : (
              <p>Only its place on the board changed.</p>
            )}
            <div className="banner-actions">
              <button type="button" className="button small" onClick={() => resolveConflict(true)}>Keep my edits on top of theirs</button>
              <button type="button" className="button small" onClick={() => resolveConflict(false)}>Use their version (discard my edits)</button>
            </div>
          </div>
        )}
        {formError && <div className="banner danger" role="alert">{formError}</div>}
        {readOnly && <p className="banner" role="note">You can view this task; only the project&apos;s owner and editors can change it.</p>}
        <fieldset className={styles.fields} disabled={readOnly}>

          <div className="field">
            <label htmlFor="task-title" className="field-label">Title</label>
            <input
              id="task-title"
              className="title-input"
              value={draft.title}
              onChange={(e) => set({ title: e.target.value })}
              autoFocus
              {...errorProps("title-error", errors.title)}
            />
            <FieldErrorText id="title-error" message={errors.title} />
          </div>

          <DescriptionField value={draft.description} onChange={(description) => set({ description })} error={errors.description} />

          <div className="field">
            <label htmlFor="task-priority" className="field-label">Priority</label>
            <select id="task-priority" value={draft.priority} onChange={(e) => set({ priority: e.target.value as EditorDraft["priority"] })} {...errorProps("priority-error", errors.priority)}>
              {PRIORITIES.map((p) => <option key={p} value={p}>{PRIORITY_LABEL[p]}</option>)}
            </select>
            <FieldErrorText id="priority-error" message={errors.priority} />
          </div>

          <DueFields draft={draft} set={set} errors={errors} />
          <ReminderFields draft={draft} set={set} errors={errors} />
          <RecurrenceFields draft={draft} set={set} errors={errors} />
          <TagPicker tags={tags} selected={draft.tagIds} onChange={(tagIds) => set({ tagIds })} error={errors.tagIds ?? errors.tagNames} />
          {pendingTagNames.length > 0 && (
            <p className="muted small">
              New tags created on save:{" "}
              {pendingTagNames.map((n) => (
                <TagChip key={n} tag={{ name: n }} onRemove={() => setPendingTagNames((names) => names.filter((x) => x !== n))} />
              ))}
            </p>
          )}
          <PlacementFields draft={draft} set={set} errors={errors} />
        </fieldset>
        {target.mode === "edit" && <TaskHistory taskId={target.task.id} />}
      </form>
    </Dialog>
  );
}
