// Opaque audit.list cursors: the last row's (occurredAt, id), base64url-encoded. A mangled one is
// a BAD_REQUEST with a message, not a 500.
import { z } from "zod";
import type { AuditListKey } from "@taskboard/db";
import { AppError } from "@/server/app-error";

const ZCursorSchema = z.object({ t: z.iso.datetime(), i: z.uuid() });

export function encodeAuditCursor(key: AuditListKey): string {
  return Buffer.from(JSON.stringify({ t: key.occurredAt.toISOString(), i: key.id })).toString("base64url");
}

export function decodeAuditCursor(cursor: string): AuditListKey {
  try {
    const parsed = ZCursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { occurredAt: new Date(parsed.t), id: parsed.i };
  } catch {
    throw new AppError("BAD_REQUEST", "The page cursor is not valid; load the history again from the start", {
      cursor: ["Invalid cursor"],
    });
  }
}
