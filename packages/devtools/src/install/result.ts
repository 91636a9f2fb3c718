// What one install step reports back to `npm run tools`.
export type InstallResult =
  | { tool: string; status: "found"; detail: string }
  | { tool: string; status: "installed"; detail: string; seconds: number }
  | { tool: string; status: "missing"; detail: string };

export function elapsedSince(started: number): number {
  return Math.round((Date.now() - started) / 100) / 10;
}
