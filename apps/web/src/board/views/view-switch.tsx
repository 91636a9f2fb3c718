"use client";
// List / Kanban: two toggle buttons (aria-pressed) for the project's view.
import type { ProjectViewMode } from "./use-project-view";
import styles from "./views.module.css";

const LABELS: Record<ProjectViewMode, string> = { LIST: "List", KANBAN: "Kanban" };

export function ViewSwitch({ view, onChange }: { view: ProjectViewMode; onChange: (view: ProjectViewMode) => void }) {
  return (
    <div className={styles.switch} role="group" aria-label="View">
      {(Object.keys(LABELS) as ProjectViewMode[]).map((mode) => (
        <button key={mode} type="button" className={`button small${view === mode ? " primary" : " ghost"}`} aria-pressed={view === mode} onClick={() => onChange(mode)}>
          {LABELS[mode]}
        </button>
      ))}
    </div>
  );
}
