// project.reorder input: where the project goes in the signed-in member's own sidebar.
import { z } from "zod";
import { ZPositionSchema } from "@/tasks/task-fields";
import { ZProjectIdSchema } from "./project-fields";

export const ZReorderProjectSchema = z.strictObject({ id: ZProjectIdSchema, position: ZPositionSchema });
export type TReorderProject = z.infer<typeof ZReorderProjectSchema>;
