// The names of the Socket.IO events the server emits. Client → server names are the keys of
// CLIENT_MESSAGES (client-messages.ts).

/** One committed entry of the user's change feed, pushed to room `user:<id>`. */
export const CHANGE_EVENT = "change";
/** The answer to a client message sent without an ack callback that was refused. */
export const ERROR_EVENT = "error:message";
