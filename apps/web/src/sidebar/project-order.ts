// Sidebar positions: a project moved to a new place goes halfway between its new neighbours, or
// one step past the end, so only the moved project's position changes.

/** The position that moves the project at `from` to index `to` (of the list as shown). */
export function positionAtIndex(positions: number[], from: number, to: number): number | null {
  if (from === to || to < 0 || to >= positions.length) return null;
  const others = positions.filter((_, i) => i !== from);
  const before = others[to - 1];
  const after = others[to];
  if (before === undefined) return after === undefined ? null : after - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

/** The position that moves the project at `index` one place up (-1) or down (+1). */
export function positionAfterStep(positions: number[], index: number, step: -1 | 1): number | null {
  return positionAtIndex(positions, index, index + step);
}
