"use client";
// A one-field form that adds a section at the end of the project.
import { useId, useState, type FormEvent } from "react";
import { PlusIcon } from "@/components/icons";
import { PROJECT_LIMITS } from "@taskboard/events";
import styles from "./sections.module.css";

export function AddSectionForm({ onAdd }: { onAdd: (name: string) => void }) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError("Give the section a name.");
    if (trimmed.length > PROJECT_LIMITS.sectionName) return setError(`A section name has at most ${PROJECT_LIMITS.sectionName} characters.`);
    setError(null);
    onAdd(trimmed);
    setName("");
  };

  return (
    <form className={styles.addSection} onSubmit={submit} noValidate>
      <label htmlFor={inputId} className="visually-hidden">New section name</label>
      <input
        id={inputId}
        value={name}
        placeholder="New section"
        maxLength={PROJECT_LIMITS.sectionName}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <button type="submit" className="button small">
        <PlusIcon /> Add section
      </button>
      {error && <p id={errorId} className="field-error" role="alert">{error}</p>}
    </form>
  );
}
