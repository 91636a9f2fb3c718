"use client";
// Around every board: the sidebar, the invitations to the signed-in user, and live sync (mounted
// once here, so moving between boards keeps one socket). When this member loses the project the
// tab shows, they are taken to the Inbox and told why.
import { usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { toast } from "sonner";
import { InvitationsBanner } from "@/projects/ui/invitations-banner";
import { RealtimeStatus } from "@/realtime/realtime-status";
import { Sidebar } from "./sidebar";
import "./sidebar.css";

export function WorkspaceShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const hooks = {
    onProjectLeft: (projectId: string, name: string | undefined) => {
      if (pathname !== `/projects/${projectId}`) return;
      router.replace("/");
      // No name: this tab had already let the project go itself (its own delete or leave).
      if (name) toast.warning(`You no longer have access to “${name}”.`);
    },
    onProjectJoined: (_projectId: string, name: string | undefined) => {
      if (name) toast.success(`You joined “${name}”`);
    },
  };
  return (
    <div className="workspace">
      <Sidebar />
      <div className="workspace-main">
        <InvitationsBanner />
        {children}
      </div>
      {/* Live updates from other people, tabs and devices, with a small connection badge. */}
      <RealtimeStatus hooks={hooks} />
    </div>
  );
}
