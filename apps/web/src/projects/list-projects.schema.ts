// project.list output: the signed-in user's projects, the Inbox first, then in their own order.
import { z } from "zod";
import { ZProjectViewSchema } from "./project-view";

export const ZProjectListSchema = z.object({ projects: z.array(ZProjectViewSchema) });
export type TProjectList = z.infer<typeof ZProjectListSchema>;
