// The runtime's port for telling a user's open tabs about a change-feed entry a consumer has
// committed. The realtime module plugs its Socket.IO server in when it runs; a process without
// one (the dead-letter CLI, live updates off) pushes nothing, and the tabs catch up on the entry
// from the feed by seq. So a consumer's committed effect never depends on who is listening.
import type { TUserChangeMessage } from "@taskboard/realtime";

export interface ChangePublisher {
  emitToUser(userId: string, change: TUserChangeMessage): void;
}
