// task.* procedures: wiring only; each use case lives in its <verb>-task.handler.ts.
import { ZTaskSnapshotSchema } from "@taskboard/events";
import { createTRPCRouter, protectedProcedure } from "@/trpc/init";
import { completeTask } from "./complete-task.handler";
import { ZCompleteTaskSchema } from "./complete-task.schema";
import { createTask } from "./create-task.handler";
import { ZCreateTaskSchema } from "./create-task.schema";
import { deleteTask } from "./delete-task.handler";
import { ZDeleteTaskSchema } from "./delete-task.schema";
import { getTask } from "./get-task.handler";
import { ZGetTaskSchema } from "./get-task.schema";
import { listTasks } from "./list-tasks.handler";
import { ZListTasksSchema, ZTaskPageSchema } from "./list-tasks.schema";
import { moveTask } from "./move-task.handler";
import { ZMoveTaskSchema } from "./move-task.schema";
import { reopenTask } from "./reopen-task.handler";
import { ZReopenTaskSchema } from "./reopen-task.schema";
import { reorderTask } from "./reorder-task.handler";
import { ZReorderTaskSchema } from "./reorder-task.schema";
import { restoreTask } from "./restore-task.handler";
import { ZRestoreTaskSchema } from "./restore-task.schema";
import { updateTask } from "./update-task.handler";
import { ZUpdateTaskSchema } from "./update-task.schema";

export const taskRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZListTasksSchema)
    .output(ZTaskPageSchema)
    .query(({ ctx, input }) => listTasks({ db: ctx.db, user: ctx.user, input })),
  get: protectedProcedure
    .input(ZGetTaskSchema)
    .output(ZTaskSnapshotSchema)
    .query(({ ctx, input }) => getTask({ db: ctx.db, user: ctx.user, input })),
  create: protectedProcedure
    .input(ZCreateTaskSchema)
    .output(ZTaskSnapshotSchema)
    .mutation(({ ctx, input }) => createTask({ db: ctx.db, user: ctx.user, input })),
  update: protectedProcedure
    .input(ZUpdateTaskSchema)
    .output(ZTaskSnapshotSchema)
    .mutation(({ ctx, input }) => updateTask({ db: ctx.db, user: ctx.user, input })),
  reorder: protectedProcedure
    .input(ZReorderTaskSchema)
    .output(ZTaskSnapshotSchema)
    .mutation(({ ctx, input }) => reorderTask({ db: ctx.db, user: ctx.user, input })),
  move: protectedProcedure
    .input(ZMoveTaskSchema)
    .output(ZTaskSnapshotSchema)
    .mutation(({ ctx, input }) => moveTask({ db: ctx.db, user: ctx.user, input })),
  complete: protectedProcedure
    .input(ZCompleteTaskSchema)
    .output(ZTaskSnapshotSchema)
    .mutation(({ ctx, input }) => completeTask({ db: ctx.db, user: ctx.user, input })),
  reopen: protectedProcedure
    .input(ZReopenTaskSchema)
    .output(ZTaskSnapshotSchema)
    .mutation(({ ctx, input }) => reopenTask({ db: ctx.db, user: ctx.user, input })),
  delete: protectedProcedure
    .input(ZDeleteTaskSchema)
    .output(ZTaskSnapshotSchema)
    .mutation(({ ctx, input }) => deleteTask({ db: ctx.db, user: ctx.user, input })),
  restore: protectedProcedure
    .input(ZRestoreTaskSchema)
    .output(ZTaskSnapshotSchema)
    .mutation(({ ctx, input }) => restoreTask({ db: ctx.db, user: ctx.user, input })),
});
