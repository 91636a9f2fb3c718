// task.list input and output: which projects, filters, one sort, keyset cursor pagination.
import { z } from "zod";
import { pageSchemaOf } from "@/server/page-schema";
import { hasNoNul } from "@/tags/tag-fields";
import { ZTaskPrioritySchema, ZTaskSnapshotSchema } from "@taskboard/events";
import { taskFieldShape, ZIsoDateTimeSchema } from "./task-fields";

export const TASK_SORTS = ["due", "priority", "created", "title", "position"] as const;
export const ZTaskSortSchema = z.enum(TASK_SORTS);
export type TTaskSort = z.infer<typeof ZTaskSortSchema>;

/** Direction used when the client gives none: soonest due, most urgent, newest first. */
export const DEFAULT_DIRECTION: Record<TTaskSort, "asc" | "desc"> = {
  due: "asc",
  priority: "desc",
  created: "desc",
  title: "asc",
  position: "asc",
};

export const ZListTasksSchema = z
  .strictObject({
    /** One project (archived ones too); without it, every live, unarchived project of the user. */
    projectId: taskFieldShape.projectId.optional(),
    /** A section of that project; null: the tasks in no section. Needs projectId. */
    sectionId: taskFieldShape.sectionId.optional(),
    /** true: only tasks assigned to the signed-in user; false or absent: anyone's. */
    assignedToMe: z.boolean().optional(),
    status: z.enum(["OPEN", "COMPLETED", "ALL"]).default("OPEN"),
    priorities: z.array(ZTaskPrioritySchema).max(5).optional(),
    /** Tasks that have ANY of these tags. */
    tagIds: z.array(z.uuid("Each tag id must be a UUID")).max(100).optional(),
    /** Inclusive bounds on dueAt. */
    dueFrom: ZIsoDateTimeSchema.optional(),
    dueTo: ZIsoDateTimeSchema.optional(),
    /** true: open tasks past due (all-day tasks after their day); false: everything else. */
    overdue: z.boolean().optional(),
    /** Case-insensitive substring of title or description. */
    search: z
      .string()
      .trim()
      .max(200, "Search text must be at most 200 characters")
      .refine(hasNoNul, "Search text cannot contain the NUL character (U+0000)")
      .optional(),
    sort: ZTaskSortSchema.default("position"),
    sortDirection: z.enum(["asc", "desc"]).optional(),
    /** nextCursor of the previous page; only valid with the same sort and sortDirection. */
    cursor: z.string().max(2000).nullish(),
    /**
     * TanStack's page direction, which `trpc.task.list.infiniteQueryOptions()` adds to every page
     * request. Accepted and ignored (pages only go forward); the sort order is `sortDirection`.
     */
    direction: z
      .enum(["forward", "backward"], { error: "direction is the page direction (forward or backward); the sort order is sortDirection" })
      .optional(),
    limit: z.number().int().min(1, "limit must be at least 1").max(100, "limit can be at most 100").default(50),
  })
  .superRefine((input, ctx) => {
    if (input.dueFrom && input.dueTo && new Date(input.dueFrom) > new Date(input.dueTo)) {
      ctx.addIssue({ code: "custom", path: ["dueTo"], message: "dueTo must not be before dueFrom" });
    }
    if (input.sectionId !== undefined && input.projectId === undefined) {
      ctx.addIssue({ code: "custom", path: ["sectionId"], message: "A section filter needs the project it belongs to (projectId)" });
    }
  })
  // No input at all means "the defaults" (`trpc.task.list.queryOptions()`).
  .prefault({});

export type TListTasks = z.infer<typeof ZListTasksSchema>;
export type TListTasksInput = z.input<typeof ZListTasksSchema>;

export const ZTaskPageSchema = pageSchemaOf(ZTaskSnapshotSchema);
export type TTaskPage = z.infer<typeof ZTaskPageSchema>;
