// Keeps the per-user change feed (user_changes) bounded. The consumers append to it whether or
// not this process serves live updates, so the workers prune it either way; a tab away longer
// than the retention reloads its lists instead of catching up.
import { pruneUserChanges, type Db } from "@taskboard/db";
import type { Logger } from "pino";

const PRUNE_EVERY_MS = 60 * 60 * 1000;

export function startFeedPruner(deps: { db: Db; log: Logger; retentionHours: number }): { stop(): void } {
  const prune = async () => {
    const before = new Date(Date.now() - deps.retentionHours * 60 * 60 * 1000);
    // Every replica may run it; deleting the same old rows twice is harmless.
    const removed = await pruneUserChanges(deps.db, before).catch((error: unknown) => {
      deps.log.warn({ err: error }, "pruning the change feed failed");
      return 0;
    });
    if (removed > 0) deps.log.info({ removed, before }, "pruned the change feed");
  };
  const timer = setInterval(() => void prune(), PRUNE_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
