// Every consumer the workers run. Register a new one here; the runtime subscribes them all before
// the transport starts.
import type { ConsumerDefinition } from "../runtime/define-consumer.ts";
import { logConsumer } from "./log/log.consumer.ts";

export const consumers: readonly ConsumerDefinition[] = [logConsumer];
