// Domain errors a use case can raise. They carry no transport detail; trpc/init.ts maps them to
// TRPCError (and so to 404/409/400) in one place.
export type TAppErrorCode = "NOT_FOUND" | "CONFLICT" | "BAD_REQUEST" | "FORBIDDEN";

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: TAppErrorCode,
    message: string,
    /** Field names the message is about, for forms (`data.fieldErrors` on the client). */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}
