// The whole tRPC API. The client imports only its type.
import { userRouter } from "@/auth/router";
import { tagRouter } from "@/tags/router";
import { taskRouter } from "@/tasks/router";
import { createCallerFactory, createTRPCRouter } from "./init";

export const appRouter = createTRPCRouter({
  task: taskRouter,
  tag: tagRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls without HTTP (server components, tests). */
export const createCaller = createCallerFactory(appRouter);
