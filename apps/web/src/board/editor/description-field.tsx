"use client";
// Markdown description with a Write / Preview switch.
import { useState } from "react";
import { Markdown } from "@/components/markdown";

export function DescriptionField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const [preview, setPreview] = useState(false);
  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor="task-description" className="field-label">Description</label>
        <div className="segmented small" role="group" aria-label="Description view">
          <button type="button" aria-pressed={!preview} className={!preview ? "is-selected" : ""} onClick={() => setPreview(false)}>Write</button>
          <button type="button" aria-pressed={preview} className={preview ? "is-selected" : ""} onClick={() => setPreview(true)}>Preview</button>
        </div>
      </div>
      {preview ? (
        <div className="markdown-preview" aria-label="Description preview">
          {value.trim() ? <Markdown source={value} /> : <p className="muted">Nothing to preview.</p>}
        </div>
      ) : (
        <textarea
          id="task-description"
          rows={4}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="Notes, links, checklists… Markdown works: **bold**, - lists, [links](https://…)"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "task-description-error" : undefined}
        />
      )}
      {error && <p id="task-description-error" className="field-error">{error}</p>}
    </div>
  );
}
