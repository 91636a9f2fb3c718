// Opaque cursors for task.list: the last row's sort key and id, plus the sort they belong to,
// base64url-encoded. A cursor from another sort or a mangled one is a BAD_REQUEST, not a 500.
import { z } from "zod";
import type { TaskListKey } from "@taskboard/db";
import { ZTaskPrioritySchema } from "@taskboard/events";
import { AppError } from "@/server/app-error";
import { ZTaskSortSchema, type TTaskSort } from "./list-tasks.schema";
import { POSITION_LIMIT } from "./task-fields";

const ZCursorSchema = z.object({
  s: ZTaskSortSchema,
  d: z.enum(["asc", "desc"]),
  v: z.union([z.string(), z.number(), z.null()]),
  i: z.uuid(),
});

/**
 * What the key value must be for each sort: the query turns it into a date, a priority, text or
 * a number, so a hand-made cursor with anything else would fail in the database (a 500).
 */
const ZCursorValueBySort: Record<TTaskSort, z.ZodType> = {
  due: z.iso.datetime({ offset: true }).nullable(),
  priority: ZTaskPrioritySchema,
  created: z.iso.datetime({ offset: true }),
  title: z.string().max(1_000).refine((value) => !value.includes("\u0000")),
  position: z.number().min(-POSITION_LIMIT).max(POSITION_LIMIT),
};

export function encodeTaskCursor(sort: TTaskSort, direction: "asc" | "desc", key: TaskListKey): string {
  return Buffer.from(JSON.stringify({ s: sort, d: direction, v: key.value, i: key.id })).toString("base64url");
}

export function decodeTaskCursor(cursor: string, sort: TTaskSort, direction: "asc" | "desc"): TaskListKey {
  let parsed: z.infer<typeof ZCursorSchema>;
  try {
    parsed = ZCursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("BAD_REQUEST", "The page cursor is not valid; load the list again from the start", {
      cursor: ["Invalid cursor"],
    });
  }
  if (!ZCursorValueBySort[parsed.s].safeParse(parsed.v).success) {
    throw new AppError("BAD_REQUEST", "The page cursor is not valid; load the list again from the start", {
      cursor: ["Invalid cursor"],
    });
  }
  if (parsed.s !== sort || parsed.d !== direction) {
    throw new AppError("BAD_REQUEST", "The page cursor belongs to a different sort; load the list again from the start", {
      cursor: ["Cursor does not match the sort"],
    });
  }
  return { value: parsed.v, id: parsed.i };
}
