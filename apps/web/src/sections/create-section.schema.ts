// section.create input: the project, a name and, optionally, a position (default: after the last).
import { z } from "zod";
import { ZProjectIdSchema } from "@/projects/project-fields";
import { ZPositionSchema } from "@/tasks/task-fields";
import { ZSectionNameSchema } from "./section-fields";

export const ZCreateSectionSchema = z.strictObject({ projectId: ZProjectIdSchema, name: ZSectionNameSchema, position: ZPositionSchema.optional() });
export type TCreateSection = z.infer<typeof ZCreateSectionSchema>;
