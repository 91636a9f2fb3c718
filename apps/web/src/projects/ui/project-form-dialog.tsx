"use client";
// Create a project, or rename and recolour one: a name and one of a few colours.
import { useId, useState, type FormEvent } from "react";
import { Dialog } from "@/components/dialog";
import { PROJECT_COLORS, type ProjectView } from "./project-types";
import { useProjectActions } from "./use-project-actions";
import "./projects.css";

type ProjectFormDialogProps = {
  open: boolean;
  onClose: () => void;
  /** Absent: create a new project. */
  project?: ProjectView;
  onCreated?: (project: ProjectView) => void;
};

export function ProjectFormDialog({ open, onClose, project, onCreated }: ProjectFormDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={project ? "Edit project" : "New project"} size="sm">
      {/* Remounted on each opening, so the fields start from the project as it is now. */}
      {open && <ProjectForm project={project} onDone={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function ProjectForm({ project, onDone, onCreated }: { project?: ProjectView | undefined; onDone: () => void; onCreated?: ((project: ProjectView) => void) | undefined }) {
  const actions = useProjectActions();
  const id = useId();
  const [name, setName] = useState(project?.name ?? "");
  const [color, setColor] = useState<string>(project?.color ?? PROJECT_COLORS[0]);
  const [error, setError] = useState<string | null>(null);
  const busy = actions.create.isPending || actions.update.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError("Give the project a name.");
    setError(null);
    if (!project) {
      actions.create.mutate({ name: trimmed, color }, { onSuccess: (created) => (onCreated?.(created), onDone()) });
      return;
    }
    const patch = { ...(trimmed !== project.name ? { name: trimmed } : {}), ...(color !== project.color ? { color } : {}) };
    if (Object.keys(patch).length === 0) return onDone();
    actions.update.mutate({ id: project.id, expectedVersion: project.version, patch }, { onSuccess: onDone });
  }

  return (
    <form className="editor-form" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-name`}>Project name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoFocus aria-invalid={error ? true : undefined} />
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      <fieldset className="project-colors">
        <legend className="field-label">Colour</legend>
        {PROJECT_COLORS.map((option) => (
          <label key={option} className="project-color-option" style={{ background: option }}>
            <input type="radio" name="color" value={option} checked={color === option} onChange={() => setColor(option)} aria-label={`Colour ${option}`} />
          </label>
        ))}
      </fieldset>
      <div className="dialog-footer">
        <button type="button" className="button ghost" onClick={onDone}>Cancel</button>
        <button type="submit" className="button primary" disabled={busy}>{project ? "Save" : "Create project"}</button>
      </div>
    </form>
  );
}
