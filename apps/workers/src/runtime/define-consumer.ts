// What a consumer is: a name (its idempotency scope), the topic it listens to, the event types it
// handles and a handler that makes its effect inside the transaction it is given. Everything else
// (validation, idempotency, retries, dead letters, logging, metrics) is the runtime's job.
import type { Db, Prisma } from "@taskboard/db";
import type { EventBus, EventData, TAnyEventDefinition, TCloudEvent, TTopic } from "@taskboard/events";
import type { Logger } from "pino";
import type { TUserChangeMessage } from "@taskboard/realtime";

/** The validated event a handler receives for one of its definitions. */
export type EventOf<TDef extends TAnyEventDefinition> = TDef extends TAnyEventDefinition
  ? TCloudEvent<TDef["type"], EventData<TDef>>
  : never;

export interface ConsumerContext {
  /** The transaction that also records (consumer, event id): write the effect through it. */
  tx: Prisma.TransactionClient;
  log: Logger;
  /** 1 on first delivery. */
  attempt: number;
  /**
   * Runs `effect` once the transaction has committed (never if it rolls back, never for a
   * duplicate). For notifying the outside world (Socket.IO): lost if the process dies right after
   * the commit, so only for effects a reader can recover from the database. Its errors are logged.
   */
  afterCommit(effect: () => void | Promise<void>): void;
  /**
   * The transport's scheduler. Scheduling is not part of `tx`: schedule before commit, and make
   * the job a no-op unless the committed rows still want it (docs/traps.md #6).
   */
  jobs: JobScheduler;
  /**
   * For a consumer that appended `change` to the user's change feed in `tx`: pushes it to the
   * user's open tabs after the commit (like afterCommit), through the process's ChangePublisher.
   * Where none runs (the dead-letter CLI, live updates off) nothing is pushed; the tabs catch up
   * on the committed feed entry by seq.
   */
  publishAfterCommit(userId: string, change: TUserChangeMessage): void;
  /**
   * W3C traceparent of this handling's span: pass it to createEvent for every event the handler
   * produces, so the next consumer continues the same trace. Absent for an event without one.
   */
  traceparent?: string;
}

export type BatchContext = Omit<ConsumerContext, "attempt" | "traceparent">;

export type JobScheduler = Pick<EventBus, "schedule" | "cancel">;

/** Named jobs a consumer schedules and handles when they fire (at least once, possibly late). */
export interface ConsumerJobs {
  /** Jobs whose name starts with this prefix are this consumer's. */
  prefix: string;
  /** Throw PermanentError to give up at once; any other throw retries. */
  handle(
    job: { name: string; payload: unknown; attempt: number },
    /** `traceparent`: the firing's span, for the events the job produces (like ConsumerContext's). */
    context: { db: Db; log: Logger; jobs: JobScheduler; traceparent?: string },
  ): Promise<void>;
  /**
   * Optional: several due jobs of one owner in one go (one transaction). Resolve true when every
   * one was handled, false (having changed nothing) to have them run one by one through handle().
   */
  handleBatch?(
    jobs: readonly { name: string; payload: unknown; traceparent?: string }[],
    context: { db: Db; log: Logger; jobs: JobScheduler },
  ): Promise<boolean>;
}

export interface ConsumerDefinition<TDefs extends readonly TAnyEventDefinition[] = readonly TAnyEventDefinition[]> {
  name: string;
  topic: TTopic;
  events: TDefs;
  /** Throw PermanentError for "never going to work" (dead-letter now); any other throw retries. */
  handle(event: EventOf<TDefs[number]>, context: ConsumerContext): Promise<void>;
  /**
   * Optional: several new events of one partition, in order, with set-based writes; the same
   * effect as handle() on each in turn, in the same kind of transaction. Its context has no
   * per-event attempt or traceparent, so only for consumers that produce no events.
   */
  handleMany?(events: readonly EventOf<TDefs[number]>[], context: BatchContext): Promise<void>;
  jobs?: ConsumerJobs;
}

const NAME = /^[a-z][a-z0-9-]{0,62}$/;

export function defineConsumer<const TDefs extends readonly TAnyEventDefinition[]>(
  definition: ConsumerDefinition<TDefs>,
): ConsumerDefinition<TDefs> {
  if (!NAME.test(definition.name)) {
    throw new Error(`consumer name "${definition.name}" must be lower-case letters, digits and dashes`);
  }
  if (definition.events.length === 0) throw new Error(`consumer "${definition.name}" handles no event type`);
  for (const event of definition.events) {
    if (event.topic !== definition.topic) {
      throw new Error(`consumer "${definition.name}" listens to ${definition.topic}, but ${event.type} travels on ${event.topic}`);
    }
  }
  return definition;
}
