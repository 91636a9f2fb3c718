// section.update input: the version the client saw and a patch (name and/or position).
import { z } from "zod";
import { ZProjectExpectedVersionSchema } from "@/projects/project-fields";
import { ZPositionSchema } from "@/tasks/task-fields";
import { ZSectionIdSchema, ZSectionNameSchema } from "./section-fields";

export const ZSectionPatchSchema = z
  .strictObject({ name: ZSectionNameSchema.optional(), position: ZPositionSchema.optional() })
  .refine((patch) => patch.name !== undefined || patch.position !== undefined, { message: "Nothing to change: give a name or a position" });

export const ZUpdateSectionSchema = z.strictObject({ id: ZSectionIdSchema, expectedVersion: ZProjectExpectedVersionSchema, patch: ZSectionPatchSchema });
export type TUpdateSection = z.infer<typeof ZUpdateSectionSchema>;
