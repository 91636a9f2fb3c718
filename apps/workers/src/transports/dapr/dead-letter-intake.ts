// Events daprd itself moved to a topic's dead-letter topic (`<topic>-dlq`) after its resiliency
// retries ran out: when its policy allowed fewer attempts than the bus was told, when the workers
// restarted mid-retry, or when the app could not be reached at all. The bus subscribes to those
// topics and hands each event to the same dead-letter store as its own dead letters, once per
// consumer of the topic, so `npm run deadletters` lists and replays them all in one place.
// Replay goes through each consumer's idempotency, so a consumer that had already applied the
// event does nothing (and the store skips consumers that recorded it as processed).
import { deadLetterTopic, type DeadLetterSink, type Subscription, type TTopic } from "@taskboard/events";
import type { BusLogger } from "./bus-logger.ts";
import type { DeliveryTarget } from "./delivery-answers.ts";
import { brokerTopic } from "./wire-format.ts";
import type { TDaprConfig } from "./config.ts";

export interface DeadLetterIntake extends DeliveryTarget {
  readonly topic: TTopic;
}

export function createDeadLetterIntake(
  topic: TTopic,
  subscriptions: readonly Subscription[],
  options: { config: TDaprConfig; onDeadLetter: DeadLetterSink; logger: BusLogger },
): DeadLetterIntake {
  const dlq = brokerTopic(options.config, deadLetterTopic(topic));
  return {
    topic,
    async dispatch(event) {
      try {
        for (const { consumer } of subscriptions) {
          await options.onDeadLetter({
            consumer,
            topic,
            event,
            error: `daprd moved the event to ${dlq} after its own retries (the app failed, was down or too slow)`,
            attempts: 0,
          });
        }
        return "SUCCESS";
      } catch (error) {
        // Nothing is lost: daprd delivers it again from the dead-letter topic.
        options.logger.error({ topic: dlq, err: error }, "storing a dead letter from daprd failed; asking daprd to retry");
        return "RETRY";
      }
    },
  };
}
