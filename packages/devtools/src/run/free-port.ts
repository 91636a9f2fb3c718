// Free loopback ports below Linux's ephemeral range (32768-60999 by default), so an outgoing
// connection's local port can never take one between our probe and the server's bind.
import net from "node:net";

const LOW = 20_000;
const HIGH = 32_000;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

const handedOut = new Set<number>();

/** A port nothing listens on now, not handed out before by this process. */
export async function freeLoopbackPort(): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (handedOut.has(port)) continue;
    if (await canListen(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free loopback port between ${LOW} and ${HIGH}`);
}
