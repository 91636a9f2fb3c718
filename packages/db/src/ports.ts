// Loopback ports for servers that bind a while after their port is chosen: embedded PostgreSQL,
// the product that benchmarks, fault runs and tests start, a Dapr app port. Ports the kernel hands
// out itself (listen on 0, and the local end of every outgoing connection) come from its
// ephemeral range (Linux: net.ipv4.ip_local_port_range, 32768-60999 by default), so any
// connection made in between could hold the chosen port and the server would fail with "address
// already in use". Below that range a port is only taken by a program that asks for it by number.
import fs from "node:fs";
import net from "node:net";

export interface PortRange {
  low: number;
  high: number;
}

/** Linux's default, for systems without /proc (macOS' own range, 49152-65535, lies inside it). */
const DEFAULT_EPHEMERAL_RANGE: PortRange = { low: 32768, high: 60999 };
/** Picked ports stay above the fixed ones people and this project use (3000-3003, 5432, 8080, 15432). */
const LOWEST_PICKED_PORT = 20_000;
const HIGHEST_PORT = 65_535;
const MAX_ATTEMPTS = 500;
/**
 * A port this process handed out is not handed out again for this long: its server may not have
 * bound it yet (daprd binds its internal gRPC port ~10 s after start), and a second caller that
 * found it free meanwhile would start a server that fails with "address already in use".
 */
const HANDED_OUT_FOR_MS = 10 * 60_000;
const handedOut = new Map<number, number>();

function recentlyHandedOut(port: number, now: number): boolean {
  const at = handedOut.get(port);
  if (at === undefined) return false;
  if (now - at < HANDED_OUT_FOR_MS) return true;
  handedOut.delete(port);
  return false;
}

/** The kernel's ephemeral port range, read from the machine rather than assumed. */
export function ephemeralPortRange(file = "/proc/sys/net/ipv4/ip_local_port_range"): PortRange {
  try {
    const [low, high] = fs.readFileSync(file, "utf8").trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && Number.isInteger(high)) return { low: low as number, high: high as number };
  } catch {
    // not Linux
  }
  return DEFAULT_EPHEMERAL_RANGE;
}

export function isEphemeralPort(port: number, range: PortRange = ephemeralPortRange()): boolean {
  return port >= range.low && port <= range.high;
}

/**
 * `count` distinct free ports outside the ephemeral range (below it when there is room, else
 * above it), all held open until every one is chosen: asking one at a time could hand out the same
 * port twice. Candidates are random so that parallel test runs rarely try the same ones.
 */
export async function reservePorts(count: number, taken: readonly number[] = []): Promise<number[]> {
  const span = pickableSpan(ephemeralPortRange());
  const held: net.Server[] = [];
  const ports: number[] = [];
  try {
    for (let attempt = 0; ports.length < count; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`no ${count} free ports in ${span.from}-${span.to} after ${MAX_ATTEMPTS} tries`);
      const port = span.from + Math.floor(Math.random() * (span.to - span.from + 1));
      if (taken.includes(port) || ports.includes(port) || recentlyHandedOut(port, Date.now())) continue;
      const server = await listenOn(port);
      if (!server) continue;
      held.push(server);
      ports.push(port);
    }
    for (const port of ports) handedOut.set(port, Date.now());
    return ports;
  } finally {
    await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

export async function freePort(): Promise<number> {
  const [port] = await reservePorts(1);
  return port as number;
}

/** Below the ephemeral range when there is room there (the usual case), else above it. */
function pickableSpan(range: PortRange): { from: number; to: number } {
  if (range.low - 1 >= LOWEST_PICKED_PORT) return { from: LOWEST_PICKED_PORT, to: range.low - 1 };
  const from = Math.max(LOWEST_PICKED_PORT, range.high + 1);
  if (from <= HIGHEST_PORT) return { from, to: HIGHEST_PORT };
  throw new Error(`the ephemeral port range ${range.low}-${range.high} leaves no port above ${LOWEST_PICKED_PORT} for servers`);
}

/**
 * Bound on every address (as `next start` and the workers bind), so a port another program holds
 * on any interface counts as taken. Resolves to the open server, or null when the port is in use.
 */
function listenOn(port: number): Promise<net.Server | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(null));
    server.listen(port, () => resolve(server));
  });
}
