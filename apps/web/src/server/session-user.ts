// The signed-in user as every procedure and use case sees it.
export interface TSessionUser {
  id: string;
  name: string;
  email: string;
}
