"use client";
// Pick the task's tags from the user's tags, or create a new one on the spot.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { TagChip } from "@/components/tag-chip";
import { useTRPC } from "@/trpc/client";
import { readApiError } from "../api-errors";
import { FieldErrorText } from "./field-error";

export type TagOption = { id: string; name: string; color: string | null };

type Props = { tags: TagOption[]; selected: string[]; onChange: (ids: string[]) => void; error?: string | undefined };

export function TagPicker({ tags, selected, onChange, error }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [createError, setCreateError] = useState<string | null>(null);
  const create = useMutation(
    trpc.tag.create.mutationOptions({
      onSuccess: (tag) => {
        onChange([...selected, tag.id]);
        setName("");
        void queryClient.invalidateQueries({ queryKey: trpc.tag.list.queryKey() });
      },
      onError: (e) => setCreateError(readApiError(e).message),
    }),
  );

  function addByName() {
    const clean = name.trim().replace(/^#/, "");
    if (!clean) return;
    const existing = tags.find((t) => t.name.toLowerCase() === clean.toLowerCase());
    if (existing) {
      if (!selected.includes(existing.id)) onChange([...selected, existing.id]);
      setName("");
      return;
    }
    setCreateError(null);
    create.mutate({ name: clean });
  }

  return (
    <fieldset className="field-group">
      <legend className="field-label">Tags</legend>
      <div className="tag-options" role="group" aria-label="Tags on this task">
        {tags.length === 0 && <span className="muted small">No tags yet — create one below.</span>}
        {tags.map((tag) => {
          const on = selected.includes(tag.id);
          return (
            <button
              key={tag.id}
              type="button"
              className={`tag-toggle${on ? " is-selected" : ""}`}
              aria-pressed={on}
              onClick={() => onChange(on ? selected.filter((id) => id !== tag.id) : [...selected, tag.id])}
            >
              <TagChip tag={tag} />
            </button>
          );
        })}
      </div>
      <div className="inline-fields">
        <label className="field compact grow">
          <span className="visually-hidden">New tag name</span>
          <input
            value={name}
            placeholder="New tag name"
            aria-label="New tag name"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                addByName();
              }
            }}
          />
        </label>
        <button type="button" className="button small" onClick={addByName} disabled={!name.trim() || create.isPending}>
          {create.isPending ? "Adding…" : "Add tag"}
        </button>
      </div>
      <FieldErrorText id="tags-error" message={createError ?? error} />
    </fieldset>
  );
}
