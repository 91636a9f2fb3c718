// section.* procedures: wiring only; each use case lives in its <verb>-section.handler.ts.
import { ZSectionSnapshotSchema } from "@taskboard/events";
import { createTRPCRouter, protectedProcedure } from "@/trpc/init";
import { createSection } from "./create-section.handler";
import { ZCreateSectionSchema } from "./create-section.schema";
import { deleteSection } from "./delete-section.handler";
import { ZDeleteSectionSchema } from "./delete-section.schema";
import { listSections } from "./list-sections.handler";
import { ZListSectionsSchema, ZSectionListSchema } from "./list-sections.schema";
import { updateSection } from "./update-section.handler";
import { ZUpdateSectionSchema } from "./update-section.schema";

export const sectionRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZListSectionsSchema)
    .output(ZSectionListSchema)
    .query(({ ctx, input }) => listSections({ db: ctx.db, user: ctx.user, input })),
  create: protectedProcedure
    .input(ZCreateSectionSchema)
    .output(ZSectionSnapshotSchema)
    .mutation(({ ctx, input }) => createSection({ db: ctx.db, user: ctx.user, input })),
  update: protectedProcedure
    .input(ZUpdateSectionSchema)
    .output(ZSectionSnapshotSchema)
    .mutation(({ ctx, input }) => updateSection({ db: ctx.db, user: ctx.user, input })),
  delete: protectedProcedure
    .input(ZDeleteSectionSchema)
    .output(ZSectionSnapshotSchema)
    .mutation(({ ctx, input }) => deleteSection({ db: ctx.db, user: ctx.user, input })),
});
