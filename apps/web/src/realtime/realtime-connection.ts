// One tab's live connection, framework-free: get a token, open the socket (websocket only), and
// keep the cache in step with the user's change feed. Changes are applied strictly in seq order:
// on (re)connect, and whenever a pushed seq skips ahead, what was missed is fetched with
// realtime.changesSince first; a gap too large to replay (or a feed pruned past our seq) makes
// the task lists reload instead. Pushes that arrive while catching up wait their turn.
import { CHANGE_EVENT, type TClientMessage } from "@taskboard/realtime";
import { io, type Socket } from "socket.io-client";
import type { TRealtimeToken } from "./issue-realtime-token.schema";
import type { TChangesPage, TUserChange } from "./list-changes-since.schema";
import type { SeqStore } from "./seq-tracker";

export type RealtimeStatus = "connecting" | "live" | "reconnecting" | "off";

/** Beyond this many missed changes, reloading the lists is cheaper than replaying. */
export const MAX_REPLAY = 500;
/** On a tab's first connect, replay this much recent history (harmless: stale ones are dropped). */
const FIRST_CONNECT_REPLAY = 50;
const PAGE = 200;
/**
 * How often a connected tab asks the server for its newest seq. A push can be lost without a
 * disconnect (the replica that consumed the event died right after the commit); this notices.
 */
export const LATEST_CHECK_MS = 30_000;
/** Tokens live two minutes (REALTIME_TOKEN_TTL_MS, @taskboard/realtime/token); the server drops a socket whose token expired. */
export const TOKEN_REFRESH_MS = 60_000;

export interface RealtimeConnectionDeps {
  fetchToken(): Promise<TRealtimeToken>;
  fetchChangesSince(afterSeq: number, limit: number): Promise<TChangesPage>;
  apply(change: TUserChange): void;
  /** The feed cannot be replayed: reload every task list. */
  reloadAll(): void;
  seqStore(userId: string): SeqStore;
  onStatus(status: RealtimeStatus): void;
  /** Tests pass their own; defaults to socket.io-client. */
  connect?: (url: string | undefined, options: Parameters<typeof io>[1]) => Socket;
}

export interface RealtimeConnection {
  close(): void;
}

export async function openRealtimeConnection(deps: RealtimeConnectionDeps): Promise<RealtimeConnection> {
  const first = await deps.fetchToken();
  if (!first.enabled) {
    deps.onStatus("off");
    return { close: () => undefined };
  }
  const store = deps.seqStore(first.userId);
  let lastSeq = store.read();
  let pending: TUserChange[] = [];
  let catchingUp = false;
  let closed = false;
  let firstToken: TRealtimeToken | null = first;

  const connect = deps.connect ?? ((url, options) => (url ? io(url, options) : io(options)));
  const socket = connect(first.url ?? undefined, {
    transports: ["websocket"],
    // Called on every (re)connection attempt: a fresh token each time, since they expire.
    auth: (callback) => {
      const token = firstToken;
      firstToken = null;
      const fetched = token ? Promise.resolve(token) : deps.fetchToken();
      fetched.then(
        (t) => callback(t.enabled ? { token: t.token } : {}),
        () => callback({}),
      );
    },
  });

  function advance(seq: number) {
    lastSeq = seq;
    store.write(seq);
  }

  async function catchUp(): Promise<void> {
    if (catchingUp) return;
    catchingUp = true;
    try {
      if (lastSeq === null) {
        const { latestSeq } = await deps.fetchChangesSince(Number.MAX_SAFE_INTEGER, 1);
        lastSeq = Math.max(0, latestSeq - FIRST_CONNECT_REPLAY);
      }
      for (;;) {
        const page = await deps.fetchChangesSince(lastSeq, PAGE);
        const first = page.changes[0];
        const pruned = first !== undefined && first.seq !== lastSeq + 1 && lastSeq > 0;
        if (page.latestSeq - lastSeq > MAX_REPLAY || pruned || page.latestSeq < lastSeq) {
          deps.reloadAll();
          advance(page.latestSeq);
          break;
        }
        for (const change of page.changes) {
          deps.apply(change);
          advance(change.seq);
        }
        if (!page.hasMore) break;
      }
    } finally {
      catchingUp = false;
    }
    drain();
  }

  function drain() {
    const queued = pending.sort((a, b) => a.seq - b.seq);
    pending = [];
    for (const [index, change] of queued.entries()) {
      if (lastSeq !== null && change.seq <= lastSeq) continue;
      if (lastSeq === null || change.seq !== lastSeq + 1) {
        pending = queued.slice(index);
        void catchUp().catch(() => socket.disconnect().connect());
        return;
      }
      deps.apply(change);
      advance(change.seq);
    }
  }

  async function checkLatest() {
    if (closed || !socket.connected || catchingUp || lastSeq === null) return;
    try {
      const reply = (await socket.timeout(10_000).emitWithAck("sync:latest" satisfies TClientMessage, {})) as
        | { ok: true; data: { latestSeq: number } }
        | { ok: false };
      if (reply.ok && lastSeq !== null && reply.data.latestSeq > lastSeq) await catchUp();
    } catch {
      // No answer in time: the socket's own heartbeat deals with a dead connection.
    }
  }
  const latestTimer = setInterval(() => void checkLatest(), LATEST_CHECK_MS);

  async function refreshToken() {
    if (closed || !socket.connected) return;
    try {
      const token = await deps.fetchToken();
      if (token.enabled) await socket.timeout(10_000).emitWithAck("auth:refresh" satisfies TClientMessage, { token: token.token });
    } catch {
      // Signed out, or no answer: the server ends the socket when its token expires.
    }
  }
  const refreshTimer = setInterval(() => void refreshToken(), TOKEN_REFRESH_MS);

  socket.on("connect", () => {
    deps.onStatus("connecting");
    catchUp().then(
      () => !closed && socket.connected && deps.onStatus("live"),
      // The feed could not be read: drop the socket and let its reconnection loop try again.
      () => !closed && socket.disconnect().connect(),
    );
  });
  socket.on(CHANGE_EVENT, (change: TUserChange) => {
    pending.push(change);
    if (!catchingUp) drain();
  });
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** socket.io-client does not retry what the server refused (a token that expired in between). */
  function retrySoon() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => !closed && socket.connect(), 2_000 + Math.random() * 3_000);
  }
  socket.on("disconnect", (reason) => {
    if (closed) return;
    deps.onStatus("reconnecting");
    if (reason === "io server disconnect") retrySoon();
  });
  socket.on("connect_error", () => {
    if (closed) return;
    deps.onStatus("reconnecting");
    if (!socket.active) retrySoon();
  });
  socket.io.on("reconnect_attempt", () => !closed && deps.onStatus("reconnecting"));
  deps.onStatus("connecting");

  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      clearInterval(latestTimer);
      clearInterval(refreshTimer);
      socket.close();
    },
  };
}
