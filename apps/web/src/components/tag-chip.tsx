// A tag as a coloured chip; the name is always shown, so colour is never the only signal.
import { TagIcon } from "./icons";

export const TAG_COLORS = ["#e5484d", "#f76b15", "#ffc53d", "#30a46c", "#12a594", "#0090ff", "#6e56cf", "#d6409f", "#8d8d86"];

/** The database's default for tags nobody coloured (packages/db schema). */
const UNCHOSEN_COLOR = "#64748b";

export function tagColor(tag: { name: string; color?: string | null }): string {
  if (tag.color && tag.color.toLowerCase() !== UNCHOSEN_COLOR) return tag.color;
  // A stable colour per name when none was chosen, so tags are told apart at a glance.
  let hash = 0;
  for (const ch of tag.name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return TAG_COLORS[hash % TAG_COLORS.length] ?? "#8d8d86";
}

export function TagChip({ tag, onRemove }: { tag: { name: string; color?: string | null }; onRemove?: () => void }) {
  return (
    <span className="chip tag-chip" style={{ "--chip-color": tagColor(tag) } as React.CSSProperties}>
      <TagIcon />
      <span>{tag.name}</span>
      {onRemove && (
        <button type="button" className="chip-remove" onClick={onRemove} aria-label={`Remove tag ${tag.name}`}>
          ×
        </button>
      )}
    </span>
  );
}
