// Who did it: the person named by the event's `actorid` (a member acting on a shared project);
// for an event another event caused and that names no person, the part of the system that
// emitted it, by the last segment of its source ("/taskboard/workers/recurrence" → "recurrence");
// for a user's own action written before `actorid` existed, the partition key (then the actor).
import type { TCloudEvent } from "@taskboard/events";

export function eventActor(event: Pick<TCloudEvent, "id" | "causationid" | "source" | "partitionkey" | "actorid">): string {
  if (event.actorid) return event.actorid;
  if (event.causationid === event.id) return event.partitionkey;
  return event.source.split("/").filter(Boolean).at(-1) ?? event.source;
}
