// Every board (Inbox, Today, Upcoming, Assigned to me, a project) inside the sidebar. Signed-out
// visitors are sent to sign in before any of it renders. The viewer's time zone, as far as the
// server knows it (the `tz` cookie), is handed to the boards.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getAuth } from "@/auth/server";
import { readZoneCookie } from "@/board/viewer-zone/read-zone-cookie";
import { ViewerZoneProvider } from "@/board/viewer-zone/viewer-zone";
import { WorkspaceShell } from "@/sidebar/workspace-shell";

export const dynamic = "force-dynamic";

export default async function BoardLayout({ children }: { children: ReactNode }) {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in");
  return (
    <ViewerZoneProvider cookieZone={await readZoneCookie()}>
      <WorkspaceShell>{children}</WorkspaceShell>
    </ViewerZoneProvider>
  );
}
