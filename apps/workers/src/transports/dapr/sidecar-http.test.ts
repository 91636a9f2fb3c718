// The readiness wait's promise to an operator: "not ready after N ms" means N ms have passed.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { freePort } from "@taskboard/db/ports";
import { expect, it } from "vitest";
import { parseDaprConfig } from "./config.ts";
import { SidecarUnavailableError } from "./errors.ts";
import { waitForSidecar } from "./sidecar-http.ts";

async function configFor(httpPort: number) {
  return parseDaprConfig({ DAPR_APP_PORT: String(await freePort()), DAPR_HTTP_PORT: String(httpPort) });
}

async function elapsedUntilRefused(httpPort: number, timeoutMs: number) {
  const config = await configFor(httpPort);
  const before = Date.now();
  const error = await waitForSidecar(config, timeoutMs).catch((e: unknown) => e);
  return { elapsed: Date.now() - before, error };
}

it("gives up no sooner than the wait it names when nothing listens (connection refused)", async () => {
  const { elapsed, error } = await elapsedUntilRefused(await freePort(), 1_000);
  expect(error).toBeInstanceOf(SidecarUnavailableError);
  expect((error as Error).message).toMatch(/not ready after 1000 ms \(GET \/v1\.0\/healthz\/outbound: .*ECONNREFUSED/);
  expect(elapsed).toBeGreaterThanOrEqual(1_000);
});

it("keeps asking while daprd answers 500 and names its last answer", async () => {
  let asked = 0;
  const server = createServer((_request, response) => {
    asked += 1;
    response.writeHead(500, { "content-type": "application/json" });
    response.end(JSON.stringify({ errorCode: "ERR_HEALTH_NOT_READY", message: "dapr is not ready" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { elapsed, error } = await elapsedUntilRefused((server.address() as AddressInfo).port, 1_000);
    expect(error).toBeInstanceOf(SidecarUnavailableError);
    expect((error as Error).message).toContain("HTTP 500 ERR_HEALTH_NOT_READY: dapr is not ready");
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
    expect(asked).toBeGreaterThan(2);
  } finally {
    server.close();
  }
});

it("returns as soon as daprd answers 204", async () => {
  let asked = 0;
  const server = createServer((_request, response) => {
    asked += 1;
    response.writeHead(asked < 3 ? 500 : 204);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { error } = await elapsedUntilRefused((server.address() as AddressInfo).port, 10_000);
    expect(error).toBeUndefined();
    expect(asked).toBe(3);
  } finally {
    server.close();
  }
});
