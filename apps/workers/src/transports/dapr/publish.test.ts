// What the publisher refuses before it sends anything. There is no sidecar at DAPR_HTTP_PORT: an
// event that got as far as sending would fail with another error. What daprd does with what is
// sent is shown against the real daprd in dapr-bus.publish.dapr.test.ts.
import { freePort } from "@taskboard/db/ports";
import { sampleEvent, sampleTask } from "@taskboard/events/contract";
import { InvalidEventError, TOPICS, type TCloudEvent } from "@taskboard/events";
import { describe, expect, it } from "vitest";
import { createDaprBus } from "./bus.ts";
import { EventTooLargeError } from "./errors.ts";
import { silentLogger } from "./testing/harness.ts";

async function busWithoutSidecar(env: Record<string, string> = {}) {
  return createDaprBus(
    { DAPR_APP_PORT: String(await freePort()), DAPR_HTTP_PORT: String(await freePort()), DAPR_SIDECAR_WAIT_MS: "100", ...env },
    { logger: silentLogger },
  );
}

describe("Dapr bus: what publish refuses", () => {
  it("an event over DAPR_MAX_EVENT_BYTES, before sending any of the batch", async () => {
    const bus = await busWithoutSidecar({ DAPR_MAX_EVENT_BYTES: "4096" });
    const small = sampleEvent("task.created", "user-a");
    const big = sampleEvent("task.created", "user-a", sampleTask("user-a", { description: "x".repeat(5000) }));
    const error = await bus.publish(TOPICS.taskEvents, [small, big]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventTooLargeError);
    expect((error as Error).message).toMatch(new RegExp(`Event ${big.id} is \\d+ bytes, over the 4096-byte limit`));
  });

  it("an event that is not a valid envelope, which daprd would silently complete", async () => {
    const bus = await busWithoutSidecar();
    const { partitionkey: _dropped, ...noKey } = sampleEvent("task.created", "user-a");
    await expect(bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a"), noKey as TCloudEvent])).rejects.toBeInstanceOf(
      InvalidEventError,
    );
  });
});
