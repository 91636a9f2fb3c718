// Room naming. A socket joins exactly its own user's room, chosen by the server from its token;
// clients never choose rooms. Everything of a shared project reaches a member through their
// own room: the sync consumer appends to each member's feed and pushes to each member's room.

export function userRoom(userId: string): string {
  return `user:${userId}`;
}
