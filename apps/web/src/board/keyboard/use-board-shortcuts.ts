"use client";
// Board-wide single-key shortcuts. They never fire while typing in a field, with a modifier held,
// or while a dialog is open (the dialog owns the keyboard then).
import { useEffect, useRef } from "react";

export type ShortcutHandlers = {
  focusQuickAdd: () => void;
  focusSearch: () => void;
  showHelp: () => void;
  editTask: (id: string) => void;
  completeTask: (id: string) => void;
  deleteTask: (id: string) => void;
};

export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ["n"], action: "Add a task (focus quick add)" },
  { keys: ["/"], action: "Search" },
  { keys: ["j", "↓"], action: "Next task" },
  { keys: ["k", "↑"], action: "Previous task" },
  { keys: ["e", "Enter"], action: "Edit the focused task" },
  { keys: ["x"], action: "Complete / reopen the focused task" },
  { keys: ["Delete"], action: "Delete the focused task (with undo)" },
  { keys: ["Alt ↑", "Alt ↓"], action: "Move the focused task (manual sort)" },
  { keys: ["Esc"], action: "Close a dialog, leave a field" },
  { keys: ["?"], action: "Show these shortcuts" },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit"].includes(target.type);
  return false;
}

function cards(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("[data-task-id]")];
}

function focusedCard(): HTMLElement | null {
  return (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("[data-task-id]") ?? null;
}

/** A kanban card's drag handle: there the arrow keys move the lifted card (dnd-kit), not the focus. */
function onDragHandle(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.dataset.dragHandle !== undefined;
}

function moveFocus(step: 1 | -1) {
  const all = cards();
  if (all.length === 0) return;
  const current = focusedCard();
  const index = current ? all.indexOf(current) : -1;
  const next = all[index === -1 ? (step === 1 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, index + step))];
  next?.focus();
  next?.scrollIntoView({ block: "nearest" });
}

export function useBoardShortcuts(handlers: ShortcutHandlers) {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector("dialog[open]")) return;
      const h = ref.current;
      const card = focusedCard();
      const id = card?.dataset.taskId;
      const onCardItself = card !== null && document.activeElement === card;
      switch (event.key) {
        case "n":
          h.focusQuickAdd();
          break;
        case "/":
          h.focusSearch();
          break;
        case "?":
          h.showHelp();
          break;
        case "ArrowDown":
        case "ArrowUp":
          if (onDragHandle(event.target)) return;
          moveFocus(event.key === "ArrowDown" ? 1 : -1);
          break;
        case "j":
          moveFocus(1);
          break;
        case "k":
          moveFocus(-1);
          break;
        case "e":
          if (!id) return;
          h.editTask(id);
          break;
        case "Enter":
          // On a button inside the card, Enter keeps its usual meaning.
          if (!id || !onCardItself) return;
          h.editTask(id);
          break;
        case "x":
          if (!id) return;
          h.completeTask(id);
          break;
        case "Delete":
          if (!id) return;
          moveFocus(1);
          h.deleteTask(id);
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
