// Who did it: the user for their own actions (an event that is its own cause), otherwise the part
// of the system that emitted it, named by the last segment of its source
// ("/taskboard/workers/recurrence" → "recurrence").
import type { TCloudEvent } from "@taskboard/events";

export function eventActor(event: Pick<TCloudEvent, "id" | "causationid" | "source" | "partitionkey">): string {
  if (event.causationid === event.id) return event.partitionkey;
  return event.source.split("/").filter(Boolean).at(-1) ?? event.source;
}
