// Every message a browser may send over the socket, validated with zod. Anything else (an
// unknown event name, extra fields, a wrong type) is answered with an error ack and changes
// nothing. Sockets never choose their rooms: there is deliberately no "join" message.
import { z } from "zod";

export const CLIENT_MESSAGES = {
  /** "What is my newest seq?": lets a client notice it missed changes without a reconnect. */
  "sync:latest": z.strictObject({}),
  /**
   * A fresh token for the same user, sent before the current one expires. A socket whose token
   * expires is disconnected, so a signed-out session (no new tokens) loses its socket within a
   * token's lifetime.
   */
  "auth:refresh": z.strictObject({ token: z.string().min(1).max(1024) }),
} as const;

export type TClientMessage = keyof typeof CLIENT_MESSAGES;

export type TAck<T> = { ok: true; data: T } | { ok: false; error: string };

export function isClientMessage(name: string): name is TClientMessage {
  return Object.hasOwn(CLIENT_MESSAGES, name);
}
