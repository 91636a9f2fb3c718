import { describe, expect, it } from "vitest";
import { createDaprBus } from "./bus.ts";
import { parseDaprConfig } from "./config.ts";
import { DaprConfigError } from "./errors.ts";

describe("Dapr config", () => {
  it("applies Dapr's defaults and requires only the app port", () => {
    const config = parseDaprConfig({ DAPR_APP_PORT: "3002" });
    expect(config).toMatchObject({
      DAPR_HOST: "127.0.0.1",
      DAPR_HTTP_PORT: 3500,
      DAPR_PUBSUB_NAME: "taskboard-pubsub",
      DAPR_APP_PORT: 3002,
      DAPR_JOBS_API_PREFIX: "v1.0",
      DAPR_BULK_SUBSCRIBE: false,
      DAPR_MAX_EVENT_BYTES: 262_144,
    });
    expect(config.DAPR_API_TOKEN).toBeUndefined();
  });

  it("refuses a missing app port, naming the variable", () => {
    expect(() => parseDaprConfig({})).toThrow(DaprConfigError);
    expect(() => parseDaprConfig({ DAPR_APP_PORT: "" })).toThrow(/DAPR_APP_PORT is required when EVENT_BUS=dapr/);
  });

  it("lists every bad value at once", () => {
    let message = "";
    try {
      parseDaprConfig({ DAPR_APP_PORT: "70000", DAPR_HTTP_PORT: "sidecar", DAPR_JOBS_API_PREFIX: "v2" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DAPR_APP_PORT: DAPR_APP_PORT must be between 1 and 65535/);
    expect(message).toMatch(/DAPR_HTTP_PORT/);
    expect(message).toMatch(/DAPR_JOBS_API_PREFIX must be "v1.0-alpha1" \(Dapr <= 1.17\) or "v1.0"/);
  });

  it("refuses the sidecar's own port as the app port and a size over daprd's limit", () => {
    expect(() => parseDaprConfig({ DAPR_APP_PORT: "3500" })).toThrow(/must differ from DAPR_HTTP_PORT/);
    expect(() => parseDaprConfig({ DAPR_APP_PORT: "3002", DAPR_MAX_EVENT_BYTES: String(5 * 1024 * 1024) })).toThrow(
      /cannot exceed daprd's 4194304-byte request limit/,
    );
  });

  it("reads booleans the way env files write them", () => {
    expect(parseDaprConfig({ DAPR_APP_PORT: "3002", DAPR_BULK_SUBSCRIBE: "true" }).DAPR_BULK_SUBSCRIBE).toBe(true);
    expect(() => parseDaprConfig({ DAPR_APP_PORT: "3002", DAPR_BULK_SUBSCRIBE: "maybe" })).toThrow(/DAPR_BULK_SUBSCRIBE/);
  });

  it("accepts a config that was parsed already (the workers' bus factory parses first)", () => {
    const parsed = parseDaprConfig({ DAPR_APP_PORT: "3002", DAPR_BULK_SUBSCRIBE: "true" });
    expect(parseDaprConfig(parsed)).toEqual(parsed);
    expect(() => createDaprBus(parsed)).not.toThrow();
  });

  it("makes createDaprBus fail at construction, before any I/O", () => {
    expect(() => createDaprBus({ DAPR_HTTP_PORT: "3500" } as never)).toThrow(DaprConfigError);
  });
});
