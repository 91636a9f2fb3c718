// admin.users output: every account with how many projects it is in.
import { z } from "zod";

export const ZInstanceUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  createdAt: z.iso.datetime(),
  /** Live projects they are a member of, their Inbox not counted. */
  projectCount: z.number().int(),
});
export const ZInstanceUsersSchema = z.object({ users: z.array(ZInstanceUserSchema) });
export type TInstanceUsers = z.infer<typeof ZInstanceUsersSchema>;
