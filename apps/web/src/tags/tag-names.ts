// Tag names are unique per user ignoring case ("Home" and "home" are the same tag).
import { findTagsByNames, lockUserTags, type Tx } from "@taskboard/db";
import { AppError } from "@/server/app-error";

/** Throws CONFLICT when another tag of the user already has this name (any case). */
export async function assertTagNameFree(
  tx: Tx,
  params: { userId: string; name: string; exceptId?: string },
): Promise<void> {
  await lockUserTags(tx, { userId: params.userId });
  const [clash] = await findTagsByNames(tx, {
    userId: params.userId,
    names: [params.name],
    excludeId: params.exceptId,
  });
  if (clash) {
    const message = `You already have a tag called "${clash.name}"`;
    throw new AppError("CONFLICT", message, { name: [message] });
  }
}
