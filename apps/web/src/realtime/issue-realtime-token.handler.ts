// realtime.token: lets the signed-in user open a socket to their own room, for a short while.
import type { TSessionUser } from "@/server/session-user";
import type { TRealtimeToken } from "./issue-realtime-token.schema";
import { REALTIME_TOKEN_TTL_MS, signRealtimeToken } from "@taskboard/realtime/token";

export interface RealtimeSettings {
  tokenSecret?: string;
  socketUrl?: string;
}

export interface IssueRealtimeTokenOptions {
  user: TSessionUser;
  settings: RealtimeSettings;
  now?: Date;
}

export function issueRealtimeToken({ user, settings, now = new Date() }: IssueRealtimeTokenOptions): TRealtimeToken {
  if (!settings.tokenSecret) return { enabled: false };
  const expiresAt = new Date(now.getTime() + REALTIME_TOKEN_TTL_MS);
  return {
    enabled: true,
    token: signRealtimeToken(user.id, settings.tokenSecret, expiresAt),
    userId: user.id,
    expiresAt: expiresAt.toISOString(),
    url: settings.socketUrl ?? null,
  };
}
