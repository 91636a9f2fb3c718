"use client";
// Rename, recolour and delete tags, with how many tasks use each. Deleting a tag that tasks use
// asks first (the tasks lose the tag; there is no undo).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Dialog } from "@/components/dialog";
import { TAG_COLORS, tagColor } from "@/components/tag-chip";
import { useTRPC } from "@/trpc/client";
import { readApiError } from "../api-errors";
import { invalidateLists } from "../task-cache";

type TagRow = { id: string; name: string; color: string | null; taskCount: number; openTaskCount: number };

const taskCountText = (n: number) => (n === 1 ? "1 task" : `${n} tasks`);

function TagRowEditor({ tag, onDeleted }: { tag: TagRow; onDeleted: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(tag.name);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.tag.list.queryKey() });
    void invalidateLists(queryClient);
  };
  const update = useMutation(trpc.tag.update.mutationOptions({
    onSuccess: () => { setError(null); refresh(); },
    onError: (e) => setError(readApiError(e).message),
  }));
  const remove = useMutation(trpc.tag.delete.mutationOptions({
    onSuccess: () => { toast(`Deleted tag “${tag.name}”`); onDeleted(); refresh(); },
    onError: (e) => toast.error(readApiError(e).message),
  }));
  const color = tagColor(tag);
  const errorId = `tag-${tag.id}-error`;

  return (
    <li className="tag-row">
      <div className="tag-row-main">
        <label className="color-swatch" style={{ background: color }}>
          <span className="visually-hidden">Colour of {tag.name}</span>
          <select
            value={TAG_COLORS.includes(color) ? color : ""}
            onChange={(e) => update.mutate({ id: tag.id, color: e.target.value })}
            aria-label={`Colour of ${tag.name}`}
          >
            {!TAG_COLORS.includes(color) && <option value="">Automatic</option>}
            {TAG_COLORS.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <form
          className="tag-rename"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() && name.trim() !== tag.name) update.mutate({ id: tag.id, name: name.trim() });
          }}
        >
          <label className="visually-hidden" htmlFor={`tag-name-${tag.id}`}>Name of tag {tag.name}</label>
          <input
            id={`tag-name-${tag.id}`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => {
              if (name.trim() && name.trim() !== tag.name) update.mutate({ id: tag.id, name: name.trim() });
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
        </form>
        <span className="tag-counts">
          {tag.openTaskCount} open · {tag.taskCount} total
        </span>
        <button
          type="button"
          className="button danger ghost small"
          onClick={() => {
            if (tag.taskCount === 0) remove.mutate({ id: tag.id });
            else setConfirming(true);
          }}
          disabled={remove.isPending}
          aria-label={`Delete tag ${tag.name}`}
        >
          Delete
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Delete tag “${tag.name}”?`}
        description={`It is removed from ${taskCountText(tag.taskCount)}; the tasks themselves stay.`}
        confirmLabel="Delete tag"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          remove.mutate({ id: tag.id });
        }}
      />
      {error && <p id={errorId} className="field-error" role="alert">{error}</p>}
    </li>
  );
}

export function TagManager({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const tags = useQuery({ ...trpc.tag.list.queryOptions(), enabled: open });
  const panel = useRef<HTMLDivElement>(null);
  // The deleted row's button is about to disappear; keep focus inside the panel.
  const onDeleted = () => panel.current?.focus();
  return (
    <Dialog open={open} onClose={onClose} title="Tags" description="Rename, recolour or delete your tags. Deleting a tag keeps its tasks." size="md">
      <div ref={panel} tabIndex={-1} className="tag-panel">
        {tags.isPending && <p className="muted">Loading tags…</p>}
        {tags.isError && <p className="field-error" role="alert">{readApiError(tags.error).message}</p>}
        {tags.data && tags.data.length === 0 && <p className="muted">No tags yet. Add one with #name in quick add.</p>}
        {tags.data && tags.data.length > 0 && (
          <ul className="tag-rows" aria-label="Your tags">
            {(tags.data as TagRow[]).map((tag) => <TagRowEditor key={`${tag.id}:${tag.name}`} tag={tag} onDeleted={onDeleted} />)}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
