// audit.people: who acted in a project's history (members past and present, and the consumers),
// the choices of the history page's "person" filter.
import { z } from "zod";

export const ZListHistoryPeopleSchema = z.strictObject({ projectId: z.uuid("projectId must be a project id") });
export type TListHistoryPeople = z.infer<typeof ZListHistoryPeopleSchema>;

export const ZHistoryPersonSchema = z.object({
  /** A user id, or a consumer's name ("recurrence"): what audit.list's actorId takes. */
  id: z.string(),
  name: z.string(),
});
export const ZHistoryPeopleSchema = z.object({ people: z.array(ZHistoryPersonSchema) });
export type THistoryPeople = z.infer<typeof ZHistoryPeopleSchema>;
