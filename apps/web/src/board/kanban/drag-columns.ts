// The columns while a card is being dragged: card ids per column key, moved between columns as
// the card passes over them (so the others make room), and the drop's final place. Pure.
import { arrayMove } from "@dnd-kit/sortable";
import type { SectionGroup } from "../group-tasks";

export type Columns = Record<string, string[]>;

export function columnsOf(groups: readonly SectionGroup[]): Columns {
  return Object.fromEntries(groups.map((g) => [g.key, g.tasks.map((t) => t.id)]));
}

/** The column holding `id`: a column key itself, or the column a card id is in. */
export function columnOf(columns: Columns, id: string): string | null {
  if (id in columns) return id;
  return Object.keys(columns).find((key) => columns[key]?.includes(id)) ?? null;
}

/**
 * The columns with `active` moved over `over` (a card or a column). Over a card of another column
 * it takes that card's place (below it when `below`); over a column, it goes to the column's end.
 * Within one column it takes the place of the card it is over.
 */
export function moveOver(columns: Columns, active: string, over: string, below: boolean): Columns {
  const from = columnOf(columns, active);
  const to = columnOf(columns, over);
  if (!from || !to || active === over) return columns;
  const source = columns[from] ?? [];
  const target = columns[to] ?? [];
  if (from === to) {
    if (over === to) return columns;
    return { ...columns, [to]: arrayMove(target, source.indexOf(active), target.indexOf(over)) };
  }
  const overIndex = target.indexOf(over);
  const index = overIndex < 0 ? target.length : overIndex + (below ? 1 : 0);
  return {
    ...columns,
    [from]: source.filter((id) => id !== active),
    [to]: [...target.slice(0, index), active, ...target.slice(index)],
  };
}

/** Where `id` is: its column and index, or null. */
export function placeIn(columns: Columns, id: string): { column: string; index: number } | null {
  const column = columnOf(columns, id);
  if (!column) return null;
  return { column, index: (columns[column] ?? []).indexOf(id) };
}
