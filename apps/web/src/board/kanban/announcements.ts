// What a screen reader hears while a card is dragged (dnd-kit's live region), in plain words with
// the task's title and the column's name, e.g. "Moved “Buy milk” to Doing, position 2 of 3.";
// and while a column is dragged by its grip, the section's name and the place it goes to.
import type { Announcements, ScreenReaderInstructions } from "@dnd-kit/core";
import { sectionOfColumnDrag } from "./column-drag";

/** Where a card is, or would land: a column's name and a 1-based place in it. */
export type CardPlace = { column: string; position: number; count: number };

export type BoardLookups = {
  title: (taskId: string) => string;
  /** Where the dragged card is now, or would land while over `overId` (a card or a column). */
  placeOf: (taskId: string, overId?: string) => CardPlace | null;
  /** A section's name, for a column dragged by its handle. */
  sectionName: (sectionId: string) => string;
};

export const KANBAN_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    "To move this task, press space or enter to pick it up. Use the arrow keys to move it within its column (up and down) " +
    "or to another column (left and right). Press space or enter again to drop it, or escape to cancel.",
};

const where = (place: CardPlace | null) =>
  place ? `${place.column}, position ${place.position} of ${place.count}` : "no column";

/** What is heard while a column (a section) is dragged by its handle. */
function columnAnnouncements(sectionName: (sectionId: string) => string): Announcements {
  const name = (id: string | number) => `section “${sectionName(sectionOfColumnDrag(id) ?? "")}”`;
  const place = (id: string | number) => `the place of ${name(id)}`;
  return {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over && over.id !== active.id ? `${capitalised(name(active.id))} is over ${place(over.id)}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over && over.id !== active.id ? `Moved ${name(active.id)} to ${place(over.id)}.` : `${capitalised(name(active.id))} stays where it was.`,
    onDragCancel: ({ active }) => `Moving ${name(active.id)} was cancelled.`,
  };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function kanbanAnnouncements({ title, placeOf, sectionName }: BoardLookups): Announcements {
  const cards = cardAnnouncements(title, placeOf);
  const columns = columnAnnouncements(sectionName);
  const pick = (id: string | number) => (sectionOfColumnDrag(id) === null ? cards : columns);
  return {
    onDragStart: (event) => pick(event.active.id).onDragStart(event),
    onDragOver: (event) => pick(event.active.id).onDragOver(event),
    onDragEnd: (event) => pick(event.active.id).onDragEnd(event),
    onDragCancel: (event) => pick(event.active.id).onDragCancel(event),
  };
}

function cardAnnouncements(title: BoardLookups["title"], placeOf: BoardLookups["placeOf"]): Announcements {
  const name = (id: string | number) => `“${title(String(id))}”`;
  // dnd-kit reports "over" right after the lift, over the card's own place: saying so would replace
  // the pick-up message (and its instructions) before it is read. Only a new target is announced.
  let lastOver: string | number | null = null;
  return {
    onDragStart: ({ active }) => {
      lastOver = active.id;
      return `Picked up task ${name(active.id)} in ${where(placeOf(String(active.id)))}.`;
    },
    onDragOver: ({ active, over }) => {
      if ((over?.id ?? null) === lastOver) return undefined;
      lastOver = over?.id ?? null;
      return over
        ? `Task ${name(active.id)} is over ${where(placeOf(String(active.id), String(over.id)))}.`
        : `Task ${name(active.id)} is not over a column.`;
    },
    onDragEnd: ({ active, over }) =>
      over
        ? `Moved task ${name(active.id)} to ${where(placeOf(String(active.id)))}.`
        : `Task ${name(active.id)} was dropped outside the columns and stays where it was.`,
    onDragCancel: ({ active }) => `Moving task ${name(active.id)} was cancelled. It stays in ${where(placeOf(String(active.id)))}.`,
  };
}
