// A card moved twice before the first answer arrives: both moves carry the version the card had.
// Moves run one at a time (a mutation scope), and a move made from a version that only this tab's
// own earlier move replaced is sent with the version that move produced, instead of failing as a
// CONFLICT. Anyone else's change in between still makes it a CONFLICT.
import { useRef } from "react";

type Versions = { replaced: Set<number>; latest: number };

export function useOwnVersions() {
  const byTask = useRef(new Map<string, Versions>());
  return {
    /** The version to send for a change the user made while seeing `seen`. */
    expected(id: string, seen: number): number {
      const own = byTask.current.get(id);
      return own?.replaced.has(seen) ? own.latest : seen;
    },
    /** Record that our change from `seen` (sent as `sent`) produced `result`. */
    record(id: string, seen: number, sent: number, result: number): void {
      const replaced = byTask.current.get(id)?.replaced ?? new Set<number>();
      replaced.add(seen).add(sent);
      byTask.current.set(id, { replaced, latest: result });
    },
  };
}
