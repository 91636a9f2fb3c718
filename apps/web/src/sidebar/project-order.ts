// The sidebar position that moves a project one place up or down among its neighbours: halfway
// between the one it passes and the one beyond, or one step past the end.
export function positionAfterStep(positions: number[], index: number, step: -1 | 1): number | null {
  const neighbour = positions[index + step];
  if (neighbour === undefined) return null;
  const beyond = positions[index + 2 * step];
  return beyond !== undefined ? (neighbour + beyond) / 2 : neighbour + step;
}
