// Counting and timing tRPC calls (taskboard_web_trpc_*). A call that reaches its procedure is
// measured by the middleware in init.ts; one refused before that (the session lookup failing, an
// unknown path, a malformed request) is counted by the error reporter, which asks wasMeasured()
// so no call is counted twice.
import { getWebMetrics, type WebMetrics } from "@/server/metrics/web-metrics";

const measured = new WeakSet<object>();

/** Whether the procedure middleware already counted the call that failed with this error. */
export function wasMeasured(error: unknown): boolean {
  return typeof error === "object" && error !== null && measured.has(error);
}

/** The outcome label of a failed call: the tRPC error code (a fixed set). */
export function outcomeCode(error: unknown): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : "INTERNAL_SERVER_ERROR";
}

interface MeasuredCall<TResult> {
  /** A path tRPC resolved to a procedure of the router, so a bounded label. */
  path: string;
  type: string;
  next: () => Promise<TResult>;
  metrics?: WebMetrics;
}

export async function measureProcedure<TResult extends { ok: boolean; error?: unknown }>({
  path,
  type,
  next,
  metrics = getWebMetrics(),
}: MeasuredCall<TResult>): Promise<TResult> {
  const labels = { procedure: path, type };
  const stopTimer = metrics.trpcDuration.startTimer(labels);
  let result: TResult;
  try {
    result = await next();
  } catch (error) {
    stopTimer();
    metrics.trpcRequests.inc({ ...labels, code: outcomeCode(error) });
    if (typeof error === "object" && error !== null) measured.add(error);
    throw error;
  }
  stopTimer();
  metrics.trpcRequests.inc({ ...labels, code: result.ok ? "OK" : outcomeCode(result.error) });
  if (!result.ok && typeof result.error === "object" && result.error !== null) measured.add(result.error);
  return result;
}
