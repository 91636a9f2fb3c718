// project.* procedures: wiring only; each use case lives in its <verb>-project.handler.ts.
import { createTRPCRouter, protectedProcedure } from "@/trpc/init";
import { archiveProject } from "./archive-project.handler";
import { ZArchiveProjectSchema } from "./archive-project.schema";
import { createProject } from "./create-project.handler";
import { ZCreateProjectSchema } from "./create-project.schema";
import { deleteProject } from "./delete-project.handler";
import { ZDeleteProjectSchema } from "./delete-project.schema";
import { getProject } from "./get-project.handler";
import { ZGetProjectSchema } from "./get-project.schema";
import { listProjects } from "./list-projects.handler";
import { ZProjectListSchema } from "./list-projects.schema";
import { ZProjectViewSchema } from "./project-view";
import { reorderProject } from "./reorder-project.handler";
import { ZReorderProjectSchema } from "./reorder-project.schema";
import { restoreProject } from "./restore-project.handler";
import { ZRestoreProjectSchema } from "./restore-project.schema";
import { setProjectView } from "./set-project-view.handler";
import { ZSetProjectViewSchema } from "./set-project-view.schema";
import { unarchiveProject } from "./unarchive-project.handler";
import { ZUnarchiveProjectSchema } from "./unarchive-project.schema";
import { updateProject } from "./update-project.handler";
import { ZUpdateProjectSchema } from "./update-project.schema";

export const projectRouter = createTRPCRouter({
  list: protectedProcedure.output(ZProjectListSchema).query(({ ctx }) => listProjects({ db: ctx.db, user: ctx.user })),
  get: protectedProcedure
    .input(ZGetProjectSchema)
    .output(ZProjectViewSchema)
    .query(({ ctx, input }) => getProject({ db: ctx.db, user: ctx.user, input })),
  create: protectedProcedure
    .input(ZCreateProjectSchema)
    .output(ZProjectViewSchema)
    .mutation(({ ctx, input }) => createProject({ db: ctx.db, user: ctx.user, input })),
  update: protectedProcedure
    .input(ZUpdateProjectSchema)
    .output(ZProjectViewSchema)
    .mutation(({ ctx, input }) => updateProject({ db: ctx.db, user: ctx.user, input })),
  archive: protectedProcedure
    .input(ZArchiveProjectSchema)
    .output(ZProjectViewSchema)
    .mutation(({ ctx, input }) => archiveProject({ db: ctx.db, user: ctx.user, input })),
  unarchive: protectedProcedure
    .input(ZUnarchiveProjectSchema)
    .output(ZProjectViewSchema)
    .mutation(({ ctx, input }) => unarchiveProject({ db: ctx.db, user: ctx.user, input })),
  delete: protectedProcedure
    .input(ZDeleteProjectSchema)
    .output(ZProjectViewSchema)
    .mutation(({ ctx, input }) => deleteProject({ db: ctx.db, user: ctx.user, input })),
  restore: protectedProcedure
    .input(ZRestoreProjectSchema)
    .output(ZProjectViewSchema)
    .mutation(({ ctx, input }) => restoreProject({ db: ctx.db, user: ctx.user, input })),
  reorder: protectedProcedure
    .input(ZReorderProjectSchema)
    .output(ZProjectViewSchema)
    .mutation(({ ctx, input }) => reorderProject({ db: ctx.db, user: ctx.user, input })),
  setView: protectedProcedure
    .input(ZSetProjectViewSchema)
    .output(ZProjectViewSchema)
    .mutation(({ ctx, input }) => setProjectView({ db: ctx.db, user: ctx.user, input })),
});
