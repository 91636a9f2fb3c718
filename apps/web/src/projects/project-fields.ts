// Field schemas shared by the project, section and member procedures, with the messages a person sees.
import { z } from "zod";
import { PROJECT_LIMITS, ZProjectViewSchema as ZBoardViewSchema } from "@taskboard/events";
import { hasNoNul, ZTagColorSchema } from "@/tags/tag-fields";

export const ZProjectIdSchema = z.uuid("Project id must be a UUID");

/** A trimmed, non-empty name of at most `max` characters; `label` starts each message ("Section name"). */
export function nameSchema(label: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `${label} must not be empty`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine(hasNoNul, `${label} cannot contain the NUL character (U+0000)`);
}

export const ZProjectNameSchema = nameSchema("Project name", PROJECT_LIMITS.name);

/** Same rule as a tag's colour: "#rrggbb", stored lower-cased. */
export const ZProjectColorSchema = ZTagColorSchema;

export const ZProjectExpectedVersionSchema = z.number().int().positive("expectedVersion must be a positive whole number");

export const ZProjectBoardViewSchema = ZBoardViewSchema;

/** The project's id, for the procedures that take nothing else. */
export const ZProjectRefSchema = z.strictObject({ id: ZProjectIdSchema });
export type TProjectRef = z.infer<typeof ZProjectRefSchema>;
