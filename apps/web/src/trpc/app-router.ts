// The whole tRPC API. The client imports only its type.
import { adminRouter } from "@/admin/router";
import { auditRouter } from "@/audit/router";
import { userRouter } from "@/auth/router";
import { notificationRouter } from "@/notifications/router";
import { realtimeRouter } from "@/realtime/router";
import { tagRouter } from "@/tags/router";
import { taskRouter } from "@/tasks/router";
import { createCallerFactory, createTRPCRouter } from "./init";

export const appRouter = createTRPCRouter({
  task: taskRouter,
  tag: tagRouter,
  user: userRouter,
  realtime: realtimeRouter,
  audit: auditRouter,
  notification: notificationRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls without HTTP (server components, tests). */
export const createCaller = createCallerFactory(appRouter);
