// The input of the procedures that act on one member of a project (remove, transfer to).
import { z } from "zod";
import { ZProjectIdSchema } from "@/projects/project-fields";
import { ZMemberUserIdSchema } from "./member-fields";

export const ZMemberRefSchema = z.strictObject({ projectId: ZProjectIdSchema, userId: ZMemberUserIdSchema });
export type TMemberRef = z.infer<typeof ZMemberRefSchema>;
