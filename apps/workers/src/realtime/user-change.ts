// What the server pushes to room `user:<id>` (event "change") and what realtime.changesSince
// returns: one entry of the user's change feed.
export const CHANGE_EVENT = "change";

export interface TUserChangeMessage {
  seq: number;
  kind: string;
  entityId: string;
  version: number;
  payload: unknown;
}

export function userRoom(userId: string): string {
  return `user:${userId}`;
}
