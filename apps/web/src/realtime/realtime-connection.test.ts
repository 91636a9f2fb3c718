// The connection's catch-up rules against a fake socket and a fake feed: strict seq order,
// replay after a gap, reload when the gap is too large, nothing at all when live updates are off.
import { describe, expect, it, vi } from "vitest";
import type { Socket } from "socket.io-client";
import type { TUserChange } from "./list-changes-since.schema";
import { LATEST_CHECK_MS, MAX_REPLAY, TOKEN_REFRESH_MS, openRealtimeConnection, type RealtimeStatus } from "./realtime-connection";
import { memorySeqStore } from "./seq-tracker";

type Handler = (...args: unknown[]) => void;

function fakeSocket(latestSeq: () => number = () => 0) {
  const handlers = new Map<string, Handler>();
  const socket = {
    asked: [] as string[],
    timeout: () => ({
      emitWithAck: async (event: string, payload?: { token?: string }) => {
        socket.asked.push(payload?.token ? `${event} ${payload.token}` : event);
        return { ok: true, data: { latestSeq: latestSeq() } };
      },
    }),
    connected: false,
    active: true,
    on(event: string, handler: Handler) {
      handlers.set(event, handler);
      return socket;
    },
    io: { on: () => undefined },
    connect: () => socket,
    disconnect: () => socket,
    close: () => undefined,
  };
  return {
    asked: socket.asked,
    socket: socket as unknown as Socket,
    fire(event: string, ...args: unknown[]) {
      if (event === "connect") socket.connected = true;
      handlers.get(event)?.(...args);
    },
  };
}

const change = (seq: number): TUserChange => ({ seq, kind: "task.upserted", entityId: `t${seq}`, version: 1, payload: {} });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function harness(feed: TUserChange[]) {
  const fake = fakeSocket(() => feed.at(-1)?.seq ?? 0);
  const applied: number[] = [];
  const statuses: RealtimeStatus[] = [];
  const requests: number[] = [];
  let reloads = 0;
  const store = memorySeqStore();
  const open = (enabled = true) =>
    openRealtimeConnection({
      fetchToken: async () =>
        enabled ? { enabled: true, token: "t", userId: "u", expiresAt: new Date().toISOString(), url: null } : { enabled: false },
      fetchChangesSince: async (afterSeq, limit) => {
        requests.push(afterSeq);
        const after = feed.filter((c) => c.seq > afterSeq);
        return { changes: after.slice(0, limit), latestSeq: feed.at(-1)?.seq ?? 0, hasMore: after.length > limit };
      },
      apply: (c) => void applied.push(c.seq),
      reloadAll: () => void reloads++,
      seqStore: () => store,
      onStatus: (s) => void statuses.push(s),
      connect: () => fake.socket,
    });
  return { fake, applied, statuses, requests, store, open, reloads: () => reloads };
}

describe("openRealtimeConnection", () => {
  it("replays recent history on first connect, then applies pushes in order and fills a gap from the feed", async () => {
    const feed = [1, 2, 3].map(change);
    const h = harness(feed);
    await h.open();
    h.fake.fire("connect");
    await flush();
    expect(h.applied).toEqual([1, 2, 3]);
    expect(h.statuses.at(-1)).toBe("live");
    feed.push(change(4));
    h.fake.fire("change", change(4));
    expect(h.applied).toEqual([1, 2, 3, 4]);
    // 5 was lost in transit; 6 arrives: 5 and 6 come from the feed, the pushed 6 is not applied twice.
    feed.push(change(5), change(6));
    h.fake.fire("change", change(6));
    await flush();
    expect(h.applied).toEqual([1, 2, 3, 4, 5, 6]);
    h.fake.fire("change", change(6));
    expect(h.applied).toEqual([1, 2, 3, 4, 5, 6]);
    expect(h.store.read()).toBe(6);
  });

  it("resumes from the stored seq after a reconnect", async () => {
    const feed = Array.from({ length: 10 }, (_, i) => change(i + 1));
    const h = harness(feed);
    h.store.write(7);
    await h.open();
    h.fake.fire("disconnect", "transport close");
    expect(h.statuses.at(-1)).toBe("reconnecting");
    h.fake.fire("connect");
    await flush();
    expect(h.requests[0]).toBe(7);
    expect(h.applied).toEqual([8, 9, 10]);
  });

  it("reloads the lists instead of replaying a gap larger than MAX_REPLAY", async () => {
    const feed = Array.from({ length: MAX_REPLAY + 20 }, (_, i) => change(i + 1));
    const h = harness(feed);
    h.store.write(10);
    await h.open();
    h.fake.fire("connect");
    await flush();
    expect(h.applied).toEqual([]);
    expect(h.reloads()).toBe(1);
    expect(h.store.read()).toBe(MAX_REPLAY + 20);
  });

  it("reloads the lists when the feed was pruned past the stored seq", async () => {
    const feed = [8, 9, 10].map(change);
    const h = harness(feed);
    h.store.write(3);
    await h.open();
    h.fake.fire("connect");
    await flush();
    expect(h.applied).toEqual([]);
    expect(h.reloads()).toBe(1);
    expect(h.store.read()).toBe(10);
  });

  it("notices a push that never came by asking for the newest seq now and then", async () => {
    vi.useFakeTimers();
    try {
      const feed = [1, 2].map(change);
      const h = harness(feed);
      h.store.write(2);
      const connection = await h.open();
      h.fake.fire("connect");
      await vi.advanceTimersByTimeAsync(0);
      // Committed but never pushed (the consuming replica died after the commit):
      feed.push(change(3));
      await vi.advanceTimersByTimeAsync(LATEST_CHECK_MS);
      expect(h.fake.asked).toEqual(["sync:latest"]);
      expect(h.applied).toEqual([3]);
      connection.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it("sends the server a fresh token before the current one expires", async () => {
    vi.useFakeTimers();
    try {
      const h = harness([]);
      h.store.write(0);
      const connection = await h.open();
      h.fake.fire("connect");
      await vi.advanceTimersByTimeAsync(TOKEN_REFRESH_MS);
      expect(h.fake.asked).toContain("auth:refresh t");
      connection.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it("opens no socket when live updates are off", async () => {
    const h = harness([]);
    await h.open(false);
    expect(h.statuses).toEqual(["off"]);
  });
});
