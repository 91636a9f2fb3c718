// better-auth's endpoints (sign-up, sign-in, sign-out, session) under /api/auth/*.
import { getAuth } from "@/auth/server";

export const dynamic = "force-dynamic";

const handle = (request: Request) => getAuth().handler(request);

export { handle as GET, handle as POST };
