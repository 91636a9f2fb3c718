// Errors of the Dapr transport. Each names what failed and what an operator can do about it.

/** The Dapr part of the configuration is missing or invalid; raised at start-up, before any I/O. */
export class DaprConfigError extends Error {
  override readonly name = "DaprConfigError";
}

/** The sidecar did not answer its outbound health check in time. */
export class SidecarUnavailableError extends Error {
  override readonly name = "SidecarUnavailableError";
}

/** An event bigger than DAPR_MAX_EVENT_BYTES: refused before it reaches daprd's 4 MB request limit. */
export class EventTooLargeError extends Error {
  override readonly name = "EventTooLargeError";
  constructor(
    readonly eventId: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      `Event ${eventId} is ${bytes} bytes, over the ${limit}-byte limit (DAPR_MAX_EVENT_BYTES). ` +
        `Put ids in events, not whole documents.`,
    );
  }
}

export interface PublishFailure {
  eventId: string;
  partitionKey: string;
  message: string;
}

/**
 * daprd refused (or never received) at least one event of a batch. Events of the same partition
 * after a failed one were not attempted, so per-user order holds when the batch is retried.
 */
export class DaprPublishError extends Error {
  override readonly name = "DaprPublishError";
  constructor(
    readonly topic: string,
    readonly failures: readonly PublishFailure[],
    /** Ids daprd accepted before the failure; publishing them again is harmless (consumers dedupe). */
    readonly publishedIds: readonly string[],
  ) {
    const first = failures[0];
    super(
      `Dapr publish to "${topic}" failed for ${failures.length} partition(s); first: event ` +
        `${first?.eventId} (partition ${first?.partitionKey}): ${first?.message}`,
    );
  }
}

/** A call to the Dapr Jobs API failed. */
export class DaprJobsError extends Error {
  override readonly name = "DaprJobsError";
}
