// Where the sync consumer sends a committed change: the Socket.IO server in production, a
// recorder in tests. Kept as a port so the consumer does not depend on Socket.IO.
import type { TUserChangeMessage } from "../../realtime/user-change.ts";

export interface ChangePublisher {
  emitToUser(userId: string, change: TUserChangeMessage): void;
}
