// A server that binds a port inside the kernel's ephemeral range can find it held by any outgoing
// connection and fail with "address already in use" at random. The embedded PostgreSQL default
// and every port picked for tests, benchmarks and fault runs must lie outside this machine's range.
import fs from "node:fs";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { DEFAULT_EMBEDDED_PG_PORT } from "./embedded.ts";
import { ephemeralPortRange, freePort, reservePorts } from "./ports.ts";

const RANGE_FILE = "/proc/sys/net/ipv4/ip_local_port_range";
const hasRange = fs.existsSync(RANGE_FILE);

/** The machine's range, read here on its own so the helper's reading of it is checked too. */
function machineRange(): { low: number; high: number } {
  const [low, high] = fs.readFileSync(RANGE_FILE, "utf8").trim().split(/\s+/).map(Number);
  return { low: low as number, high: high as number };
}

function expectOutsideRange(ports: number[]) {
  const { low, high } = machineRange();
  const inside = ports.filter((port) => port >= low && port <= high);
  expect(inside, `inside the ephemeral range ${low}-${high}`).toEqual([]);
  for (const port of ports) expect(port).toBeGreaterThan(1023);
  for (const port of ports) expect(port).toBeLessThanOrEqual(65535);
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

describe.skipIf(!hasRange)(`ports and ${RANGE_FILE}`, () => {
  it("reads the machine's ephemeral range", () => {
    expect(ephemeralPortRange()).toEqual(machineRange());
  });

  it("the embedded PostgreSQL default port (npm start) is outside it", () => {
    expectOutsideRange([DEFAULT_EMBEDDED_PG_PORT]);
  });

  it("ports picked for tests, benchmarks and fault runs are outside it, distinct and free", async () => {
    const ports = [...(await reservePorts(40)), await freePort(), await freePort()];
    expectOutsideRange(ports);
    expect(new Set(ports.slice(0, 40)).size).toBe(40);
    for (const port of ports) expect(await bindable(port)).toBe(true);
  });
});

describe("ephemeralPortRange without /proc", () => {
  it("assumes Linux's default range", () => {
    expect(ephemeralPortRange("/nonexistent/ip_local_port_range")).toEqual({ low: 32768, high: 60999 });
  });
});

describe("ports handed out one call at a time", () => {
  it("are never handed out twice by one process, though each is free again as soon as it is chosen", async () => {
    // daprd takes its ports ~10 s after they are chosen: a later call must not pick one of them.
    const picked: number[] = [];
    for (let i = 0; i < 3_000; i++) picked.push(await freePort());
    expect(new Set(picked).size).toBe(picked.length);
  });
});
