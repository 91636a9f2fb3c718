// tag.* procedures: wiring only.
import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/trpc/init";
import { createTag } from "./create-tag.handler";
import { ZCreateTagSchema } from "./create-tag.schema";
import { deleteTag } from "./delete-tag.handler";
import { ZDeleteTagSchema } from "./delete-tag.schema";
import { listTags } from "./list-tags.handler";
import { ZTagListSchema } from "./list-tags.schema";
import { ZTagSchema } from "./tag-fields";
import { updateTag } from "./update-tag.handler";
import { ZUpdateTagSchema } from "./update-tag.schema";

export const tagRouter = createTRPCRouter({
  list: protectedProcedure
    .output(ZTagListSchema)
    .query(({ ctx }) => listTags({ db: ctx.db, user: ctx.user })),
  create: protectedProcedure
    .input(ZCreateTagSchema)
    .output(ZTagSchema)
    .mutation(({ ctx, input }) => createTag({ db: ctx.db, user: ctx.user, input })),
  update: protectedProcedure
    .input(ZUpdateTagSchema)
    .output(ZTagSchema)
    .mutation(({ ctx, input }) => updateTag({ db: ctx.db, user: ctx.user, input })),
  delete: protectedProcedure
    .input(ZDeleteTagSchema)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => deleteTag({ db: ctx.db, user: ctx.user, input })),
});
