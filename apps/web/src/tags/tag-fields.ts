// Field schemas shared by every tag procedure and by tasks that name tags (quick add "#home").
import { z } from "zod";

export const TAG_NAME_MAX = 50;

/**
 * PostgreSQL text cannot hold U+0000: such a value would fail in the database as a 500. Free-text
 * fields refuse it up front with a message instead.
 */
export const hasNoNul = (value: string) => !value.includes("\u0000");

export const ZTagNameSchema = z
  .string()
  .trim()
  .min(1, "Tag name must not be empty")
  .max(TAG_NAME_MAX, `Tag name must be at most ${TAG_NAME_MAX} characters`)
  .refine((name) => !name.includes("#"), "Tag name cannot contain '#' (write home, not #home)")
  .refine(hasNoNul, "Tag name cannot contain the NUL character (U+0000)");

export const ZTagColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Colour must be a hex colour like "#1e90ff"')
  .transform((color) => color.toLowerCase());

export const ZTagSchema = z.object({ id: z.uuid(), name: z.string(), color: z.string() });
export type TTag = z.infer<typeof ZTagSchema>;
