/** The source of every event the recurrence consumer writes (the audit names it "recurrence"). */
export const RECURRENCE_SOURCE = "/taskboard/workers/recurrence";
