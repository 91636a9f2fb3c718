// Who acted, as people read it: "You", a member's name, or the consumer that acted.
/** The workers' consumers that make changes of their own (their events' source names them). */
export const CONSUMER_NAMES: Record<string, string> = {
  recurrence: "Repeat",
  reminders: "Reminders",
  audit: "History",
  sync: "Sync",
};

/** Said for an account that no longer exists. */
export const FORMER_USER = "A former user";

export function actorName(actor: string, readerId: string, userNames: ReadonlyMap<string, string>): string {
  if (actor === readerId) return "You";
  return userNames.get(actor) ?? CONSUMER_NAMES[actor] ?? FORMER_USER;
}
