// user.* procedures.
import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/trpc/init";

export const ZMeSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const userRouter = createTRPCRouter({
  /** The signed-in user, straight from the session the context resolved. */
  me: protectedProcedure.output(ZMeSchema).query(({ ctx }) => ({
    id: ctx.user.id,
    name: ctx.user.name,
    email: ctx.user.email,
  })),
});
