// Columns dragged by their handle, beside cards dragged by theirs, in one DndContext (cards move
// between columns, so both must share it). A column's drag id is its own ("column:<section id>"),
// not its drop-zone key ("section:<id>"), and each drag only ever collides with its own kind: a
// column is dropped among the other section columns ("No section" stays first), a card among
// cards and column drop zones. Pure.
import { closestCenter, closestCorners, type Active, type CollisionDetection, type KeyboardCoordinateGetter } from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";

const PREFIX = "column:";

/** The drag data a column carries, so collision detection and handlers can tell it from a card. */
export const COLUMN_DRAG_DATA = { type: "column" } as const;

export const columnDragId = (sectionId: string) => `${PREFIX}${sectionId}`;

/** The section id of a column's drag id, or null for anything else (a card, a drop zone). */
export function sectionOfColumnDrag(id: string | number): string | null {
  const text = String(id);
  return text.startsWith(PREFIX) ? text.slice(PREFIX.length) : null;
}

export const isColumnDrag = (active: Pick<Active, "data"> | null | undefined) => active?.data.current?.type === COLUMN_DRAG_DATA.type;

/** Columns land on the nearest column's centre; cards as before, on the closest corners. */
export const kanbanCollisions: CollisionDetection = (args) => {
  const columns = isColumnDrag(args.active);
  const droppableContainers = args.droppableContainers.filter((container) => isColumnDrag(container) === columns);
  return (columns ? closestCenter : closestCorners)({ ...args, droppableContainers });
};

/** Where a column dropped on `overId` goes: its index among the sections in order, or null. */
export function columnDropIndex(sectionIds: readonly string[], overId: string | number | undefined): number | null {
  const over = overId === undefined ? null : sectionOfColumnDrag(overId);
  const index = over === null ? -1 : sectionIds.indexOf(over);
  return index < 0 ? null : index;
}

/**
 * Arrow keys move a lifted card towards the nearest card or column drop zone, as before there
 * were draggable columns: a column's own drag target (the whole column) is left out, or the card
 * would jump to a column's corner. Columns themselves are not lifted from the keyboard.
 */
export const cardKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const all = args.context.droppableContainers;
  // sortableKeyboardCoordinates reads the containers through getEnabled() and get() only.
  const cardsOnly = {
    getEnabled: () => all.getEnabled().filter((container) => !isColumnDrag(container)),
    get: (id: string | number) => all.get(id),
  } as unknown as typeof all;
  return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableContainers: cardsOnly } });
};
