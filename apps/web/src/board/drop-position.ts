// Where a dropped card (or a moved section) goes: a fractional position between its new neighbours, so a move changes
// only the moved task (one task.move, one event) and never renumbers the column.

/** Step between positions at either end of a column (tasks are created at max + 1). */
const END_STEP = 1;

/** A position strictly between `before` and `after`; either may be missing at a column's end. */
export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return (after as number) - END_STEP;
  if (after === undefined) return before + END_STEP;
  return (before + after) / 2;
}

/**
 * The position for a card dropped at `index` of a column listed in position order. `column` is the
 * column as shown, without the moved card itself (it may come from this column or another).
 */
export function dropPosition(column: readonly { position: number }[], index: number): number {
  const at = Math.max(0, Math.min(index, column.length));
  return positionBetween(column[at - 1]?.position, column[at]?.position);
}
