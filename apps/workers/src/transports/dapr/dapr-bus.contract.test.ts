// The transport contract suite (packages/events) against the Dapr transport, with the sidecar
// double standing in for daprd. The double's resiliency policy is what infra/dapr declares,
// scaled down: the contract's RetryPolicy (3 retries, doubling) on daprd's side.
import { runEventBusContract } from "@taskboard/events/contract";
import { daprSetup } from "./testing/harness.ts";

runEventBusContract("dapr (sidecar double)", {
  async setup() {
    let setup: Awaited<ReturnType<typeof daprSetup>> | undefined;
    return {
      async createBus(options) {
        setup ??= await daprSetup({
          double: {
            resiliency: {
              maxRetries: options.retry.maxRetries,
              intervalMs: options.retry.initialDelayMs,
              policy: "exponential",
            },
            jobFailurePolicy: { maxRetries: 3, intervalMs: 100 },
          },
        });
        // The first bus of the harness is built by daprSetup; later ones model restarts.
        return setup.newBus({}, { retry: options.retry, onDeadLetter: options.onDeadLetter });
      },
      async teardown() {
        await setup?.cleanup();
      },
    };
  },
});
