/** A rule, spec or argument outside what the product supports; the message names the problem. */
export class RecurrenceError extends Error {
  override readonly name = "RecurrenceError";
}
