// Field schemas shared by the project, section and member procedures, with the messages a person sees.
import { z } from "zod";
import { PROJECT_LIMITS, ZProjectViewSchema as ZBoardViewSchema } from "@taskboard/events";
import { hasNoNul, ZTagColorSchema } from "@/tags/tag-fields";

export const ZProjectIdSchema = z.uuid("Project id must be a UUID");

export const ZProjectNameSchema = z
  .string()
  .trim()
  .min(1, "Project name must not be empty")
  .max(PROJECT_LIMITS.name, `Project name must be at most ${PROJECT_LIMITS.name} characters`)
  .refine(hasNoNul, "Project name cannot contain the NUL character (U+0000)");

/** Same rule as a tag's colour: "#rrggbb", stored lower-cased. */
export const ZProjectColorSchema = ZTagColorSchema;

export const ZProjectExpectedVersionSchema = z.number().int().positive("expectedVersion must be a positive whole number");

export const ZProjectBoardViewSchema = ZBoardViewSchema;

/** The project's id, for the procedures that take nothing else. */
export const ZProjectRefSchema = z.strictObject({ id: ZProjectIdSchema });
export type TProjectRef = z.infer<typeof ZProjectRefSchema>;
