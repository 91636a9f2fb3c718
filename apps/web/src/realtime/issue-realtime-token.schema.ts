// realtime.token output: a token for the Socket.IO handshake and where to connect, or "off" when
// this deployment has no REALTIME_TOKEN_SECRET (the board then works without live updates).
import { z } from "zod";

export const ZRealtimeTokenSchema = z.discriminatedUnion("enabled", [
  z.object({
    enabled: z.literal(true),
    token: z.string(),
    /** Whose feed this tab follows (keys the stored seq). */
    userId: z.string(),
    expiresAt: z.iso.datetime(),
    /** Socket.IO server origin; null means this page's origin (an ingress routes /socket.io). */
    url: z.string().nullable(),
  }),
  z.object({ enabled: z.literal(false) }),
]);
export type TRealtimeToken = z.infer<typeof ZRealtimeTokenSchema>;
