// better-auth's React client for the UI: signUp.email, signIn.email, signOut, useSession.
// Same-origin: it calls /api/auth on whatever host served the page.
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient();

export const { signUp, signIn, signOut, useSession } = authClient;
