// Turns a ZodError into what the client shows: a one-line message naming the fields and a map
// field path → messages. Nested fields use dotted paths ("patch.title"); unknown keys refused by
// `.strict()` are listed under their own name.
import type { z } from "zod";

export interface TFlattenedValidationError {
  /** Problems with the input as a whole (no single field). */
  formErrors: string[];
  /** Dotted field path → messages, e.g. { "patch.title": ["Title must not be empty"] }. */
  fieldErrors: Record<string, string[]>;
}

export function flattenValidationError(error: z.ZodError): TFlattenedValidationError {
  const formErrors: string[] = [];
  // A Map, not an object literal: field names come from the client, and "toString",
  // "constructor" or "__proto__" as an (unknown) key must not hit Object.prototype.
  const byField = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const messages = byField.get(path);
    if (messages) messages.push(message);
    else byField.set(path, [message]);
  };
  for (const issue of error.issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(base ? `${base}.${key}` : key, "Unknown field");
    } else if (base) {
      add(base, issue.message);
    } else {
      formErrors.push(issue.message);
    }
  }
  // fromEntries defines own properties, so even "__proto__" stays a plain field name.
  return { formErrors, fieldErrors: Object.fromEntries(byField) };
}

export function describeValidationError(flat: TFlattenedValidationError): string {
  const parts = [
    ...Object.entries(flat.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(", ")}`),
    ...flat.formErrors,
  ];
  return `Invalid input: ${parts.join("; ")}`;
}
