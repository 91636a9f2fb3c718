// Runs one delivery (or one fired job) to its end inside a single graphile-worker job: attempts,
// our own backoff (1 s, 2 s, 4 s by default) and the final verdict.
//
// Why not graphile-worker's own retries: its backoff is fixed at exp(attempts) seconds, and a
// failed job releases its named queue, so the next event of the same user would overtake the one
// waiting for its retry. Retrying inside the job keeps the user's queue locked meanwhile: later
// events of that user wait, exactly as a Kafka partition waits while Dapr's resiliency policy
// retries (docs/traps.md #8). Events of other users go on in other queues.
import { setTimeout as sleep } from "node:timers/promises";
import { retryDelayMs, type DeliveryStatus, type RetryPolicy } from "@taskboard/events";

export interface AttemptOutcome {
  status: DeliveryStatus;
  error?: string;
}

export interface RetryLoopResult {
  /** SUCCESS, or the verdict that ends it: DROP (at once) or RETRY (retries used up). */
  status: DeliveryStatus;
  attempts: number;
  error?: string;
}

export async function runWithRetries(
  policy: RetryPolicy,
  attemptOnce: (attempt: number) => Promise<AttemptOutcome>,
): Promise<RetryLoopResult> {
  for (let attempt = 1; ; attempt++) {
    let outcome: AttemptOutcome;
    try {
      outcome = await attemptOnce(attempt);
    } catch (error) {
      // Handlers should answer, not throw; a throw is treated as transient so nothing is lost.
      outcome = { status: "RETRY", error: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.status === "SUCCESS") return { status: "SUCCESS", attempts: attempt };
    if (outcome.status === "DROP" || attempt > policy.maxRetries) {
      return { status: outcome.status, attempts: attempt, error: outcome.error };
    }
    await sleep(retryDelayMs(policy, attempt));
  }
}
