// audit.people: who acted in the project's history, named as the entries name them, by name.
// Members only (NOT_FOUND for anyone else, like the history itself).
import { findUserNames, listAuditActors, type Db } from "@taskboard/db";
import { requireProjectAccess } from "@/projects/project-access";
import type { TSessionUser } from "@/server/session-user";
import { actorName } from "./actor-names";
import type { THistoryPeople, TListHistoryPeople } from "./list-history-people.schema";

export async function listHistoryPeople({ db, user, input }: { db: Db; user: TSessionUser; input: TListHistoryPeople }): Promise<THistoryPeople> {
  await requireProjectAccess(db, { userId: user.id, projectId: input.projectId, need: "read" });
  const actors = await listAuditActors(db, { projectId: input.projectId });
  const names = await findUserNames(db, actors);
  const people = actors.map((id) => ({ id, name: actorName(id, user.id, names) }));
  return { people: people.sort((a, b) => a.name.localeCompare(b.name)) };
}
