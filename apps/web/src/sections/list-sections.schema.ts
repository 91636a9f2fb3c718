// section.list input and output: a project's live sections in board order.
import { z } from "zod";
import { ZSectionSnapshotSchema } from "@taskboard/events";
import { ZProjectIdSchema } from "@/projects/project-fields";

export const ZListSectionsSchema = z.strictObject({ projectId: ZProjectIdSchema });
export type TListSections = z.infer<typeof ZListSectionsSchema>;

export const ZSectionListSchema = z.array(ZSectionSnapshotSchema);
export type TSectionList = z.infer<typeof ZSectionListSchema>;
