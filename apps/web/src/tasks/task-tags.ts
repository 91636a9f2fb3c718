// Resolves the tags a task should carry from ids and names (the user's own, created when missing),
// all inside the caller's transaction. Tags are per person; on a shared task each member attaches
// their own, and keeps or removes the ones already on it (docs/projects.md, "Tags"), but can
// never attach another person's tag by its id.
import { randomUUID } from "node:crypto";
import { findTagsByIds, findTagsByNames, insertTag, lockUserTags, type Tx } from "@taskboard/db";
import { TASK_LIMITS } from "@taskboard/events";
import { AppError } from "@/server/app-error";

export async function resolveTaskTagIds(
  tx: Tx,
  params: { userId: string; tagIds?: string[]; tagNames?: string[]; attached?: readonly string[] },
): Promise<string[]> {
  const ids = [...new Set(params.tagIds ?? [])];
  // Tags the task already carries may stay whoever attached them; any other id must be the user's.
  const attached = new Set(params.attached ?? []);
  const newIds = ids.filter((id) => !attached.has(id));
  const owned = await findTagsByIds(tx, { userId: params.userId, ids: newIds });
  if (owned.length !== newIds.length) {
    // Someone else's tag and a made-up id look the same: no existence leak.
    const message = "One or more tags were not found";
    throw new AppError("NOT_FOUND", message, { tagIds: [message] });
  }
  const result = new Set(ids);
  for (const id of await ensureTagsByName(tx, { userId: params.userId, names: params.tagNames ?? [] })) {
    result.add(id);
  }
  if (result.size > TASK_LIMITS.tags) {
    const message = `A task can have at most ${TASK_LIMITS.tags} tags`;
    throw new AppError("BAD_REQUEST", message, { tagIds: [message] });
  }
  return [...result];
}

/** Ids of the user's tags with these names (ignoring case), creating the missing ones. */
async function ensureTagsByName(tx: Tx, params: { userId: string; names: string[] }): Promise<string[]> {
  const unique = new Map<string, string>();
  for (const name of params.names) {
    if (!unique.has(name.toLowerCase())) unique.set(name.toLowerCase(), name);
  }
  if (unique.size === 0) return [];
  await lockUserTags(tx, { userId: params.userId });
  const existing = await findTagsByNames(tx, { userId: params.userId, names: [...unique.values()] });
  const ids = existing.map((tag) => tag.id);
  const found = new Set(existing.map((tag) => tag.name.toLowerCase()));
  for (const [key, name] of unique) {
    if (found.has(key)) continue;
    const created = await insertTag(tx, { id: randomUUID(), userId: params.userId, name });
    ids.push(created.id);
  }
  return ids;
}
