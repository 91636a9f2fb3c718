// The Jobs API client's own rules, with no sidecar. The Jobs API itself (scheduling, firing,
// retries, cancelling, prefixes) is tested against the real daprd and scheduler in
// dapr-jobs.dapr.test.ts.
import { freePort } from "@taskboard/db/ports";
import { describe, expect, it } from "vitest";
import { createDaprBus } from "./bus.ts";
import { DaprJobsError } from "./errors.ts";
import { toDueTime } from "./jobs.ts";
import { silentLogger } from "./testing/harness.ts";

describe("Dapr bus: jobs", () => {
  it("formats due times as RFC 3339 in UTC with an explicit offset, never early", () => {
    expect(toDueTime(new Date("2026-03-29T01:30:00.000Z"))).toBe("2026-03-29T01:30:00+00:00");
    expect(toDueTime(new Date("2026-03-29T01:30:00.200Z"))).toBe("2026-03-29T01:30:01+00:00");
    expect(() => toDueTime(new Date("nope"))).toThrow(DaprJobsError);
  });

  it("refuses job names daprd could not call back, before calling the sidecar", async () => {
    // Nothing listens at DAPR_HTTP_PORT: a name that got through would fail as "sidecar unreachable".
    const bus = createDaprBus(
      { DAPR_APP_PORT: String(await freePort()), DAPR_HTTP_PORT: String(await freePort()) },
      { logger: silentLogger },
    );
    for (const name of ["a/b", "", "-leading-dash", "x".repeat(201), "spaces are not allowed"]) {
      await expect(bus.schedule({ name, at: new Date(), payload: {} })).rejects.toThrow(/Invalid job name/);
      await expect(bus.cancel(name)).rejects.toThrow(/Invalid job name/);
    }
    await expect(bus.schedule({ name: "reminder:t1:1_x.y~z", at: new Date(), payload: {} })).rejects.toThrow(/sidecar unreachable/);
  });
});
