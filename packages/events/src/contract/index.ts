// Test support shared by every transport and consumer test: the transport contract suite and
// valid sample events. Imports vitest, so only test files import this entry point.
export * from "./event-bus-contract.ts";
export * from "./sample-events.ts";
export * from "./wait-for.ts";
