// project.setView input: how the signed-in member shows the project (list or kanban).
import { z } from "zod";
import { ZProjectBoardViewSchema, ZProjectIdSchema } from "./project-fields";

export const ZSetProjectViewSchema = z.strictObject({ id: ZProjectIdSchema, view: ZProjectBoardViewSchema });
export type TSetProjectView = z.infer<typeof ZSetProjectViewSchema>;
