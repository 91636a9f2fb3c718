// tRPC over HTTP as the benchmarks and fault scenarios send it, against a server that records what
// arrives: a query as GET with ?input=, anything else as POST with the input as body, the session
// cookie and Origin on both.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trpcData, trpcFetch, type ProductSession } from "./product-client.ts";

interface Seen {
  method?: string;
  url?: string;
  cookie?: string;
  origin?: string;
  body: string;
}
const seen: Seen[] = [];
let server: http.Server;
let session: ProductSession;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, cookie: req.headers.cookie, origin: req.headers.origin, body });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ result: { data: { ok: true } } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = { base, origin: base, cookie: "session=abc" };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("trpcFetch", () => {
  it("sends a mutation as POST with its input as the body, with the session's cookie and Origin", async () => {
    const res = await trpcFetch(session, "task.create", { title: "a & b" });
    expect(trpcData(await res.text())).toEqual({ ok: true });
    expect(seen.at(-1)).toEqual({
      method: "POST",
      url: "/api/trpc/task.create",
      cookie: "session=abc",
      origin: session.origin,
      body: '{"title":"a & b"}',
    });
  });

  it("sends a query as GET with its input encoded in the URL, and no input as no parameter", async () => {
    await trpcFetch(session, "task.list", { search: "a&b" }, { query: true });
    expect(seen.at(-1)).toMatchObject({ method: "GET", url: `/api/trpc/task.list?input=${encodeURIComponent('{"search":"a&b"}')}`, body: "" });
    await trpcFetch(session, "notification.unreadCount", undefined, { query: true });
    expect(seen.at(-1)).toMatchObject({ method: "GET", url: "/api/trpc/notification.unreadCount", cookie: "session=abc" });
  });
});
