"use client";
// A project board's header: its name and colour, its members' avatars, "Share" (the members
// dialog) and, for the owner, edit / archive / delete. The Inbox is personal: name only.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { PopoverMenu } from "@/components/popover-menu";
import { useTRPC } from "@/trpc/client";
import { MemberAvatars } from "./member-avatars";
import { MembersDialog } from "./members-dialog";
import { ProjectFormDialog } from "./project-form-dialog";
import { can, type ProjectView } from "./project-types";
import { useProjectActions } from "./use-project-actions";
import "./projects.css";

export function ProjectHeader({ project }: { project: ProjectView }) {
  const trpc = useTRPC();
  const router = useRouter();
  const actions = useProjectActions();
  const members = useQuery({ ...trpc.member.list.queryOptions({ projectId: project.id }), enabled: !project.isInbox });
  const [dialog, setDialog] = useState<"members" | "edit" | "delete" | null>(null);
  const manage = can.manage(project.role);

  return (
    <header className="project-header">
      <h1 className="project-title">
        <span className="project-dot" style={{ background: project.color }} aria-hidden="true" />
        {project.isInbox ? "Inbox" : project.name}
        {project.archivedAt && <span className="badge">Archived</span>}
        {!project.isInbox && project.role !== "OWNER" && <span className="badge">{project.role === "EDITOR" ? "Editor" : "Viewer"}</span>}
      </h1>
      {!project.isInbox && (
        <div className="project-header-actions">
          {members.data && <MemberAvatars members={members.data.members} />}
          <button type="button" className="button" onClick={() => setDialog("members")}>Share</button>
          {manage && (
            <PopoverMenu label="Project">
              <div className="menu-items">
                <button type="button" className="button ghost block" onClick={() => setDialog("edit")}>Rename or recolour</button>
                {project.archivedAt ? (
                  <button type="button" className="button ghost block" onClick={() => actions.unarchive.mutate({ id: project.id })}>Unarchive</button>
                ) : (
                  <button type="button" className="button ghost block" onClick={() => actions.archive.mutate({ id: project.id })}>Archive</button>
                )}
                <button type="button" className="button ghost danger block" onClick={() => setDialog("delete")}>Delete project</button>
              </div>
            </PopoverMenu>
          )}
        </div>
      )}
      <MembersDialog open={dialog === "members"} onClose={() => setDialog(null)} project={project} />
      <ProjectFormDialog open={dialog === "edit"} onClose={() => setDialog(null)} project={project} />
      <ConfirmDialog
        open={dialog === "delete"}
        title={`Delete “${project.name}”?`}
        description="Its tasks go with it, for every member. You can undo this right after."
        confirmLabel="Delete project"
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          setDialog(null);
          actions.remove.mutate({ id: project.id }, { onSuccess: () => router.replace("/") });
        }}
      />
    </header>
  );
}
