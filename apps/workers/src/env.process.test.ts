// Start-up refuses bad configuration with a message naming the variable: spawn the real process.
import { freePort } from "@taskboard/db/ports";
import { describe, expect, it } from "vitest";
import { SPAWNED_PROCESS_TIMEOUT_MS, spawnWorker } from "./testing/spawn-worker.ts";

const VALID_URL = "postgresql://postgres:postgres@127.0.0.1:1/none";

async function startFails(env: Record<string, string | undefined>) {
  const worker = spawnWorker("src/main.ts", { WORKERS_PORT: String(await freePort()), ...env });
  const { code } = await worker.exited;
  return { code, output: worker.output() };
}

describe("workers start-up configuration", { timeout: SPAWNED_PROCESS_TIMEOUT_MS }, () => {
  it("stops on an unknown EVENT_BUS, naming it", async () => {
    const { code, output } = await startFails({ DATABASE_URL: VALID_URL, EVENT_BUS: "kafka" });
    expect(code).not.toBe(0);
    expect(output).toMatch(/EVENT_BUS/);
    expect(output).toMatch(/"embedded" \(default\) or "dapr"/);
  });

  it("stops when DATABASE_URL is missing", async () => {
    const { code, output } = await startFails({ DATABASE_URL: undefined });
    expect(code).not.toBe(0);
    expect(output).toMatch(/DATABASE_URL/);
  });

  it("stops when EVENT_BUS=dapr lacks the Dapr app port", async () => {
    const { code, output } = await startFails({ DATABASE_URL: VALID_URL, EVENT_BUS: "dapr", DAPR_APP_PORT: undefined });
    expect(code).not.toBe(0);
    expect(output).toMatch(/DAPR_APP_PORT is required when EVENT_BUS=dapr/);
  });
});
