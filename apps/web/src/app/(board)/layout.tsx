// Every board (Inbox, Today, Upcoming, Assigned to me, a project) inside the sidebar. Signed-out
// visitors are sent to sign in before any of it renders. The shell's own data (projects, tags, the
// user) and the viewer's time zone (the `tz` cookie) come with the server's HTML.
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { readZoneCookie } from "@/board/viewer-zone/read-zone-cookie";
import { ViewerZoneProvider } from "@/board/viewer-zone/viewer-zone";
import { prefetchShell } from "@/sidebar/prefetch-shell";
import { WorkspaceShell } from "@/sidebar/workspace-shell";
import { getSessionUser, HydrateClient } from "@/trpc/server";

export const dynamic = "force-dynamic";

export default async function BoardLayout({ children }: { children: ReactNode }) {
  if (!(await getSessionUser())) redirect("/sign-in");
  const [cookieZone, shellQueries] = await Promise.all([readZoneCookie(), prefetchShell()]);
  return (
    <ViewerZoneProvider cookieZone={cookieZone}>
      <HydrateClient queryKeys={shellQueries}>
        <WorkspaceShell>{children}</WorkspaceShell>
      </HydrateClient>
    </ViewerZoneProvider>
  );
}
