// better-auth's React client for the UI (authClient.signUp.email, .signIn.email, .signOut).
// Same-origin: it calls /api/auth on whatever host served the page.
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient();
