export { createEmbeddedBus, type EmbeddedBusOptions, type BusLogger } from "./embedded-bus.ts";
