"use client";
// The kanban view of a project: one column per section plus "No section" first. Cards move by
// drag and drop with the mouse, touch or keyboard (space to lift, arrows to move, space to drop,
// escape to cancel), announced to screen readers. A drop saves one task.move with a position
// between the card's new neighbours; the card stays where it was dropped at once and goes back,
// with a toast, if the server refuses. A section's column is dragged by the grip in its heading
// (column-drag.ts) and saved as the section's new position.
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { rectSortingStrategy, SortableContext } from "@dnd-kit/sortable";
import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState, type RefObject } from "react";
import { CardSkeletons } from "@/components/skeleton";
import { useTRPC } from "@/trpc/client";
import { LoadError } from "../cards/load-error";
import { dropPosition } from "../drop-position";
import { groupBySection, type SectionGroup } from "../group-tasks";
import { AddSectionForm } from "../sections/add-section-form";
import { useSectionEditing } from "../sections/use-section-editing";
import type { Section, Task, TaskListInput } from "../types";
import { KANBAN_INSTRUCTIONS, kanbanAnnouncements, type CardPlace } from "./announcements";
import { cardKeyboardCoordinates, columnDragId, columnDropIndex, isColumnDrag, kanbanCollisions, sectionOfColumnDrag } from "./column-drag";
import { columnsOf, moveOver, placeIn, type Columns } from "./drag-columns";
import { KanbanColumn } from "./kanban-column";
import styles from "./kanban.module.css";
import { useBoardTasks } from "./use-board-tasks";
import { useMoveTask } from "./use-move-task";

type Props = {
  projectId: string;
  input: TaskListInput;
  zone: string;
  tagColors: Map<string, string | null>;
  readOnly: boolean;
  onToggle: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
};

/** The columns as dragged, kept until the cache catches up with the drop (basedOn changes). */
type DragState = { activeId: string | null; columns: Columns; basedOn: SectionGroup[] };

/** Where card `id` is in the live columns (or would be, over `over`), with its column's name. */
function placeOnBoard(live: RefObject<Columns>, groups: SectionGroup[], id: string, over?: string): CardPlace | null {
  const projected = over ? moveOver(live.current, id, over, false) : live.current;
  const place = placeIn(projected, id);
  const group = place && groups.find((g) => g.key === place.column);
  if (!place || !group) return null;
  return { column: group.label, position: place.index + 1, count: projected[place.column]?.length ?? 0 };
}

export function KanbanBoard({ projectId, input, zone, tagColors, readOnly, onToggle, onEdit, onDelete }: Props) {
  const trpc = useTRPC();
  const { query, tasks } = useBoardTasks(input);
  const sectionsQuery = useQuery(trpc.section.list.queryOptions({ projectId }));
  const sections = useMemo(() => (sectionsQuery.data ?? []) as Section[], [sectionsQuery.data]);
  const groups = useMemo(() => groupBySection(tasks, sections, { byPosition: true }), [tasks, sections]);
  const { editing, dialog } = useSectionEditing(projectId, sections);
  const move = useMoveTask();

  // dnd-kit's own ids come from a counter, which differs between the server's render and the
  // browser's (a hydration mismatch); React's id is the same on both.
  const dndId = useId();
  const [drag, setDrag] = useState<DragState | null>(null);
  const [draggedSection, setDraggedSection] = useState<Section | null>(null);
  const live = useRef<Columns>({});
  const origin = useRef<{ column: string; index: number } | null>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: cardKeyboardCoordinates }),
  );

  // dnd-kit calls these from its event handlers, after ours have updated `live`.
  const announcements = useMemo(
    () =>
      kanbanAnnouncements({
        title: (id) => tasks.find((t) => t.id === id)?.title ?? "task",
        placeOf: (id, over) => placeOnBoard(live, groups, id, over),
        sectionName: (id) => sections.find((s) => s.id === id)?.name ?? "section",
      }),
    [tasks, groups, sections],
  );
  const sectionIds = useMemo(() => groups.flatMap((g) => (g.section ? [g.section.id] : [])), [groups]);

  const byId = useMemo(() => new Map(tasks.map((t) => [t.id, t])), [tasks]);
  const shown = drag && (drag.activeId !== null || drag.basedOn === groups) ? drag.columns : null;
  const displayed = shown
    ? groups.map((g) => ({ ...g, tasks: (shown[g.key] ?? []).flatMap((id) => byId.get(id) ?? []) }))
    : groups;
  const active = drag?.activeId ? byId.get(drag.activeId) : undefined;

  const onDragStart = ({ active }: DragStartEvent) => {
    if (isColumnDrag(active)) return setDraggedSection(sections.find((s) => s.id === sectionOfColumnDrag(active.id)) ?? null);
    live.current = columnsOf(groups);
    origin.current = placeIn(live.current, String(active.id));
    setDrag({ activeId: String(active.id), columns: live.current, basedOn: groups });
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over || isColumnDrag(active)) return;
    const id = String(active.id);
    const overId = String(over.id);
    // Within a column the sortable strategy makes room; the order is settled on drop.
    if (placeIn(live.current, id)?.column === placeIn(live.current, overId)?.column) return;
    const dragged = active.rect.current.translated;
    const below = dragged ? dragged.top > over.rect.top + over.rect.height / 2 : false;
    live.current = moveOver(live.current, id, overId, below);
    setDrag({ activeId: id, columns: live.current, basedOn: groups });
  };

  const onDragCancel = () => {
    live.current = columnsOf(groups);
    setDrag(null);
    setDraggedSection(null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (isColumnDrag(active)) {
      const index = columnDropIndex(sectionIds, over?.id);
      if (draggedSection && index !== null) editing.moveTo(draggedSection, index);
      return setDraggedSection(null);
    }
    const id = String(active.id);
    const task = byId.get(id);
    if (!over || !task) return onDragCancel();
    live.current = moveOver(live.current, id, String(over.id), false);
    const place = placeIn(live.current, id);
    const from = origin.current;
    if (!place || (from && from.column === place.column && from.index === place.index)) return onDragCancel();
    const column = (live.current[place.column] ?? []).filter((x) => x !== id).flatMap((x) => byId.get(x) ?? []);
    const group = groups.find((g) => g.key === place.column);
    setDrag({ activeId: null, columns: live.current, basedOn: groups });
    move.mutate({
      id,
      expectedVersion: task.version,
      sectionId: group?.section?.id ?? null,
      position: dropPosition(column, place.index),
      title: task.title,
    });
  };

  if (query.isPending) return <CardSkeletons />;
  if (query.isError && tasks.length === 0) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const now = new Date();
  return (
    <DndContext
      id={dndId}
      sensors={sensors}
      collisionDetection={kanbanCollisions}
      accessibility={{ announcements, screenReaderInstructions: KANBAN_INSTRUCTIONS }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
    >
      <div className={styles.board} data-testid="kanban-board" aria-busy={query.isFetching || move.isPending || undefined}>
        <SortableContext id="kanban-columns" items={sectionIds.map(columnDragId)} strategy={rectSortingStrategy}>
          {displayed.map((group) => (
            <KanbanColumn
              key={group.key}
              group={group}
              now={now}
              zone={zone}
              tagColors={tagColors}
              readOnly={readOnly}
              editing={readOnly ? undefined : editing}
              onToggle={onToggle}
              onEdit={onEdit}
              onDelete={onDelete}
            />
          ))}
        </SortableContext>
        {!readOnly && (
          <div className={styles.addColumn}>
            <AddSectionForm onAdd={editing.add} />
          </div>
        )}
      </div>
      <DragOverlay>
        {active ? <div className={`task-card ${styles.overlay}`} aria-hidden="true">{active.title}</div> : null}
        {draggedSection ? <div className={`${styles.column} ${styles.overlay}`} aria-hidden="true">{draggedSection.name}</div> : null}
      </DragOverlay>
      {dialog}
    </DndContext>
  );
}
