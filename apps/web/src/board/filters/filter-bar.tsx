"use client";
// Search, filters, sort and grouping for the board. Every change goes to the URL.
import { useEffect, useState, type RefObject } from "react";
import { SearchIcon } from "@/components/icons";
import { PopoverMenu } from "@/components/popover-menu";
import { TagChip } from "@/components/tag-chip";
import { PRIORITIES, PRIORITY_LABEL, type Priority, type TaskSort } from "../types";
import { DEFAULT_DIRECTION, type BoardFilters } from "./board-filters";

type TagOption = { id: string; name: string; color: string | null; openTaskCount?: number };

type FilterBarProps = {
  filters: BoardFilters;
  setFilters: (patch: Partial<BoardFilters>) => void;
  tags: TagOption[];
  activeCount: number;
  searchRef: RefObject<HTMLInputElement | null>;
};

const SORT_LABEL: Record<TaskSort, string> = {
  due: "Due date",
  priority: "Priority",
  created: "Date added",
  title: "Title",
  position: "Manual",
};

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

function SearchField({ value, onChange, inputRef }: { value: string; onChange: (q: string) => void; inputRef: RefObject<HTMLInputElement | null> }) {
  const [text, setText] = useState(value);
  // Follow the URL when it changes from outside (back button, "Clear filters").
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), 250);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <div className="search-field">
      <SearchIcon />
      <label htmlFor="task-search" className="visually-hidden">Search tasks</label>
      <input
        ref={inputRef}
        id="task-search"
        type="search"
        placeholder="Search tasks  ( / )"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") e.currentTarget.blur();
        }}
        autoComplete="off"
      />
    </div>
  );
}

export function FilterBar({ filters, setFilters, tags, activeCount, searchRef }: FilterBarProps) {
  const direction = filters.direction ?? DEFAULT_DIRECTION[filters.sort];
  return (
    <section className="filter-bar" aria-label="Filters and sorting">
      <SearchField value={filters.q} onChange={(q) => setFilters({ q })} inputRef={searchRef} />
      <div className="filter-controls">
        <label className="select-field">
          <span className="visually-hidden">Status</span>
          <select value={filters.status} onChange={(e) => setFilters({ status: e.target.value as BoardFilters["status"] })} aria-label="Status">
            <option value="OPEN">Open</option>
            <option value="COMPLETED">Completed</option>
            <option value="ALL">All tasks</option>
          </select>
        </label>

        <PopoverMenu label="Priority" badge={filters.priorities.length}>
          <fieldset className="check-list">
            <legend className="visually-hidden">Show priorities</legend>
            {PRIORITIES.map((p: Priority) => (
              <label key={p} className={`check-row priority-${p.toLowerCase()}`}>
                <input
                  type="checkbox"
                  checked={filters.priorities.includes(p)}
                  onChange={() => setFilters({ priorities: toggle(filters.priorities, p) })}
                />
                <span className="priority-dot" aria-hidden="true" />
                {PRIORITY_LABEL[p]}
              </label>
            ))}
          </fieldset>
        </PopoverMenu>

        <PopoverMenu label="Tags" badge={filters.tagIds.length}>
          <fieldset className="check-list">
            <legend className="visually-hidden">Show tags</legend>
            {tags.length === 0 && <p className="muted small">No tags yet. Type #name in quick add.</p>}
            {tags.map((tag) => (
              <label key={tag.id} className="check-row">
                <input
                  type="checkbox"
                  checked={filters.tagIds.includes(tag.id)}
                  onChange={() => setFilters({ tagIds: toggle(filters.tagIds, tag.id) })}
                />
                <TagChip tag={tag} />
                {tag.openTaskCount !== undefined && <span className="muted small" aria-label={`${tag.openTaskCount} open`}>{tag.openTaskCount}</span>}
              </label>
            ))}
          </fieldset>
        </PopoverMenu>

        <label className="select-field">
          <span className="visually-hidden">Due</span>
          <select
            aria-label="Due"
            value={filters.due ?? ""}
            onChange={(e) => setFilters({ due: (e.target.value || null) as BoardFilters["due"] })}
          >
            <option value="">Any date</option>
            <option value="today">Due today</option>
            <option value="week">Due this week</option>
            <option value="overdue">Overdue</option>
            <option value="custom">Custom range…</option>
          </select>
        </label>
        {filters.due === "custom" && (
          <span className="date-range">
            <label>
              <span className="visually-hidden">Due from</span>
              <input type="date" aria-label="Due from" value={filters.from ?? ""} onChange={(e) => setFilters({ from: e.target.value || null })} />
            </label>
            <span aria-hidden="true">–</span>
            <label>
              <span className="visually-hidden">Due to</span>
              <input type="date" aria-label="Due to" value={filters.to ?? ""} onChange={(e) => setFilters({ to: e.target.value || null })} />
            </label>
          </span>
        )}

        <label className="select-field">
          <span className="visually-hidden">Sort by</span>
          <select aria-label="Sort by" value={filters.sort} onChange={(e) => setFilters({ sort: e.target.value as TaskSort, direction: null })}>
            {(Object.keys(SORT_LABEL) as TaskSort[]).map((s) => (
              <option key={s} value={s}>Sort: {SORT_LABEL[s]}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button icon-text"
          onClick={() => setFilters({ direction: direction === "asc" ? "desc" : "asc" })}
          aria-label={direction === "asc" ? "Ascending order, switch to descending" : "Descending order, switch to ascending"}
        >
          {direction === "asc" ? "↑" : "↓"}
        </button>

        <div className="segmented" role="radiogroup" aria-label="Group by">
          {(["due", "status"] as const).map((g) => (
            <button
              key={g}
              type="button"
              role="radio"
              aria-checked={filters.group === g}
              className={filters.group === g ? "is-selected" : ""}
              onClick={() => setFilters({ group: g })}
            >
              {g === "due" ? "By day" : "By status"}
            </button>
          ))}
        </div>

        {activeCount > 0 && (
          <button
            type="button"
            className="button ghost"
            onClick={() => setFilters({ status: "OPEN", priorities: [], tagIds: [], due: null, from: null, to: null, q: "" })}
          >
            Clear filters
          </button>
        )}
      </div>
    </section>
  );
}
