// The CloudEvents 1.0 envelope every event of this product travels in, whatever the transport.
import { z } from "zod";

/** CloudEvents extension names: lower-case letters and digits only (spec, "Attribute Naming"). */
export const ZCloudEventEnvelopeSchema = z.object({
  specversion: z.literal("1.0"),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().min(1),
  subject: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal("application/json"),
  /** Version of the data schema of `type`; a breaking change is a new type, not a new version. */
  dataversion: z.number().int().positive(),
  /**
   * The unit of ordering and the Kafka partition key (docs/projects.md, "Ordering"): for task and
   * reminder events the task's creator (never changes, so one task's events stay in order even
   * when it moves between projects); for project events the project's id.
   */
  partitionkey: z.string().min(1),
  /**
   * The person whose action this is (a member of the project). Absent when a consumer acted on
   * its own (a next occurrence, a fired reminder) and in events written before projects, where
   * the partition key named the actor.
   */
  actorid: z.string().min(1).optional(),
  /** The id of the first event of the chain this one belongs to. */
  correlationid: z.string().min(1),
  /** The id of the event that caused this one (equal to `id` for a user's own action). */
  causationid: z.string().min(1),
  /** W3C trace context, so one change can be followed through every process. */
  traceparent: z.string().optional(),
  data: z.unknown(),
});

export type TCloudEventEnvelope = z.infer<typeof ZCloudEventEnvelopeSchema>;

export type TCloudEvent<TType extends string = string, TData = unknown> = Omit<
  TCloudEventEnvelope,
  "type" | "data"
> & { type: TType; data: TData };
