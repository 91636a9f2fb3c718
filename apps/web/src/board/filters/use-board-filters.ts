"use client";
// The board's filters, kept in the URL so a reload, a bookmark or a shared link shows the same
// board (parsing and the task.list input they make: ./board-filters).
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { parseBoardFilters, serializeBoardFilters, type BoardFilters } from "./board-filters";

export function useBoardFilters() {
  const params = useSearchParams();
  const paramString = params.toString();
  const [filters, setLocal] = useState(() => parseBoardFilters(new URLSearchParams(paramString)));
  // Back/forward or a link changed the URL: follow it.
  useEffect(() => setLocal(parseBoardFilters(new URLSearchParams(paramString))), [paramString]);

  const setFilters = useCallback((patch: Partial<BoardFilters>) => {
    setLocal((current) => {
      const next = { ...current, ...patch };
      const query = serializeBoardFilters(next);
      // history.replaceState (which Next keeps in step with useSearchParams) instead of
      // router.replace: no server round trip per keystroke, no history entry per filter change.
      window.history.replaceState(window.history.state, "", query ? `${window.location.pathname}?${query}` : window.location.pathname);
      return next;
    });
  }, []);

  const activeCount =
    (filters.status !== "OPEN" ? 1 : 0) + filters.priorities.length + filters.tagIds.length + (filters.due ? 1 : 0) + (filters.q ? 1 : 0);

  return { filters, setFilters, activeCount };
}
