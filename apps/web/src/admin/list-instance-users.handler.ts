// admin.users: every account on the instance, oldest first (a recorded read).
import { listInstanceUsers, type Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import type { TInstanceUsers } from "./list-instance-users.schema";
import { recordedRead } from "./recorded-read";

export async function listUsersForAdmin({ db, admin }: { db: Db; admin: TSessionUser }): Promise<TInstanceUsers> {
  const users = await recordedRead(db, { admin, procedure: "admin.users", filters: {} }, (tx) => listInstanceUsers(tx));
  return { users: users.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() })) };
}
