// member.leave input: the project the signed-in member leaves.
import { z } from "zod";
import { ZProjectIdSchema } from "@/projects/project-fields";

export const ZLeaveProjectSchema = z.strictObject({ projectId: ZProjectIdSchema });
export type TLeaveProject = z.infer<typeof ZLeaveProjectSchema>;
