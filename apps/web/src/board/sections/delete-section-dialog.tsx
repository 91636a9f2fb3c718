"use client";
// Deleting a section asks what becomes of its tasks: move them to another section (or to
// "No section"), or delete them too (they can be restored one by one from their Undo).
import { useId, useState } from "react";
import { Dialog } from "@/components/dialog";
import type { Section } from "../types";
import type { DeleteChoice } from "./use-section-actions";
import styles from "./sections.module.css";

type Props = {
  section: Section;
  taskCount: number;
  otherSections: Section[];
  onCancel: () => void;
  onConfirm: (choice: DeleteChoice) => void;
};

const NO_SECTION = "";

export function DeleteSectionDialog({ section, taskCount, otherSections, onCancel, onConfirm }: Props) {
  const [action, setAction] = useState<"moved" | "deleted">("moved");
  const [target, setTarget] = useState(NO_SECTION);
  const name = useId();
  const selectId = useId();
  const tasks = taskCount === 1 ? "its 1 task" : `its ${taskCount} tasks`;

  return (
    <Dialog
      open
      onClose={onCancel}
      role="alertdialog"
      title={`Delete section “${section.name}”?`}
      description={`Choose what happens to ${tasks} on the board (and any completed ones).`}
      size="sm"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button ghost" onClick={onCancel}>Cancel</button>
          <button
            type="button"
            className="button danger-solid"
            onClick={() => onConfirm(action === "deleted" ? { action } : { action, toSectionId: target === NO_SECTION ? null : target })}
          >
            Delete section
          </button>
        </>
      }
    >
      <fieldset className={styles.choices}>
        <legend className="visually-hidden">Its tasks</legend>
        <div className={styles.choice}>
          <input type="radio" id={`${name}-move`} name={name} checked={action === "moved"} onChange={() => setAction("moved")} />
          <label htmlFor={`${name}-move`}>Move its tasks to</label>
          <label htmlFor={selectId} className="visually-hidden">Section to move the tasks to</label>
          <select id={selectId} value={target} disabled={action !== "moved"} onChange={(e) => setTarget(e.target.value)}>
            <option value={NO_SECTION}>No section</option>
            {otherSections.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
        <div className={styles.choice}>
          <input type="radio" id={`${name}-delete`} name={name} checked={action === "deleted"} onChange={() => setAction("deleted")} />
          <label htmlFor={`${name}-delete`}>Delete its tasks too</label>
        </div>
      </fieldset>
    </Dialog>
  );
}
