// One entry a consumer appends to one person's change feed, typed by the socket contract: the
// payload is the one @taskboard/realtime declares for the kind.
import type { TChangeKind, TChangePayload } from "@taskboard/realtime";

export type FeedChange = {
  [K in TChangeKind]: {
    userId: string;
    kind: K;
    entityId: string;
    version: number;
    payload: TChangePayload<K>;
    /** user_changes.event_id is unique: the event's id, suffixed when one event writes several rows. */
    eventId: string;
  };
}[TChangeKind];
