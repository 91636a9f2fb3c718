// The whole tRPC API. The client imports only its type.
import { auditRouter } from "@/audit/router";
import { userRouter } from "@/auth/router";
import { memberRouter } from "@/members/router";
import { notificationRouter } from "@/notifications/router";
import { projectRouter } from "@/projects/router";
import { realtimeRouter } from "@/realtime/router";
import { sectionRouter } from "@/sections/router";
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
  project: projectRouter,
  member: memberRouter,
  section: sectionRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls without HTTP (server components, tests). */
export const createCaller = createCallerFactory(appRouter);
