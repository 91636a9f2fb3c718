import { z } from "zod";

/** A payload that does not match its event schema; never retried, never written. */
export class InvalidEventError extends Error {
  override readonly name = "InvalidEventError";
  constructor(
    readonly eventType: string,
    readonly issues: z.ZodError | string,
  ) {
    super(
      `Invalid ${eventType} event: ${typeof issues === "string" ? issues : z.prettifyError(issues)}`,
    );
  }
}
