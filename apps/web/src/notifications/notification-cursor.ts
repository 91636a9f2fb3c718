// Opaque notification.list cursors: the last row's (createdAt, id), base64url-encoded.
import { z } from "zod";
import { AppError } from "@/server/app-error";

const ZCursorSchema = z.object({ t: z.iso.datetime(), i: z.uuid() });

export function encodeNotificationCursor(key: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ t: key.createdAt.toISOString(), i: key.id })).toString("base64url");
}

export function decodeNotificationCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const parsed = ZCursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { createdAt: new Date(parsed.t), id: parsed.i };
  } catch {
    throw new AppError("BAD_REQUEST", "The page cursor is not valid; load the notifications again", { cursor: ["Invalid cursor"] });
  }
}
