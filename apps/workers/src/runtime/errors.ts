// How a handler says "retrying will not help": throw PermanentError (or let a validation error
// escape) and the event is dead-lettered at once instead of retried.
import { InvalidEventError } from "@taskboard/events";
import { ZodError } from "zod";

export class PermanentError extends Error {
  override readonly name = "PermanentError";
}

/** DROP (dead-letter now) for validation and permanent errors; everything else is RETRY. */
export function isPermanentError(error: unknown): boolean {
  return error instanceof PermanentError || error instanceof InvalidEventError || error instanceof ZodError;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
