// admin.projects output: every shareable project (the history page's "project" filter).
import { z } from "zod";

export const ZInstanceProjectSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  ownerId: z.string(),
  memberCount: z.number().int(),
  archivedAt: z.iso.datetime().nullable(),
  deletedAt: z.iso.datetime().nullable(),
});
export const ZInstanceProjectsSchema = z.object({ projects: z.array(ZInstanceProjectSchema) });
export type TInstanceProjects = z.infer<typeof ZInstanceProjectsSchema>;
