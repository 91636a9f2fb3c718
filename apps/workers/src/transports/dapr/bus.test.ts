// The Dapr bus's own rules, with no sidecar.
import { freePort } from "@taskboard/db/ports";
import { TOPICS } from "@taskboard/events";
import { expect, it } from "vitest";
import { createDaprBus } from "./bus.ts";
import { SidecarUnavailableError } from "./errors.ts";
import { silentLogger } from "./testing/harness.ts";

it("refuses subscribe() and onJob() once start() is called: daprd reads the list once", async () => {
  const bus = createDaprBus(
    { DAPR_APP_PORT: String(await freePort()), DAPR_HTTP_PORT: String(await freePort()), DAPR_SIDECAR_WAIT_MS: "200" },
    { logger: silentLogger },
  );
  bus.subscribe({ consumer: "audit", topic: TOPICS.taskEvents, handle: async () => "SUCCESS" });
  const starting = bus.start();
  expect(() => bus.subscribe({ consumer: "late", topic: TOPICS.reminders, handle: async () => "SUCCESS" })).toThrow(
    /subscribe\(\) must be called before start\(\)/,
  );
  expect(() => bus.onJob(async () => "SUCCESS")).toThrow(/onJob\(\) must be called before start\(\)/);
  // No sidecar listens there: start() gives up, and the bus stays closed to subscriptions.
  await expect(starting).rejects.toBeInstanceOf(SidecarUnavailableError);
  expect(() => bus.subscribe({ consumer: "later", topic: TOPICS.reminders, handle: async () => "SUCCESS" })).toThrow(
    /must be called before start\(\)/,
  );
});
