"use client";
// Who a project is shared with, and (for its owner) inviting by email, pending invitations,
// roles, removing and transferring ownership; anyone but the owner may leave. Buttons a role
// cannot use are hidden, but the server decides: a refusal shows its message.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { readApiError } from "@/board/api-errors";
import { Dialog } from "@/components/dialog";
import { useTRPC } from "@/trpc/client";
import { dropProject, refetchMembers } from "./project-cache";
import { can, type Member, type ProjectView } from "./project-types";
import { showApiError } from "./show-api-error";
import "./projects.css";

type MembersDialogProps = { open: boolean; onClose: () => void; project: ProjectView };

const ROLE_LABEL = { OWNER: "Owner", EDITOR: "Editor", VIEWER: "Viewer" } as const;

export function MembersDialog({ open, onClose, project }: MembersDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={`Share “${project.name}”`} description="Members see every task of this project, live." size="md">
      {open && <MembersPanel project={project} onClose={onClose} />}
    </Dialog>
  );
}

function MembersPanel({ project, onClose }: { project: ProjectView; onClose: () => void }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const router = useRouter();
  const me = useQuery(trpc.user.me.queryOptions());
  const list = useQuery(trpc.member.list.queryOptions({ projectId: project.id }));
  const manage = can.manage(project.role);
  const refetch = () => {
    refetchMembers(client, project.id);
    void client.invalidateQueries(trpc.project.list.queryFilter());
  };

  const revoke = useMutation(trpc.member.revokeInvitation.mutationOptions({ onSuccess: refetch, onError: showApiError("revoke the invitation") }));
  const changeRole = useMutation(trpc.member.changeRole.mutationOptions({ onSuccess: refetch, onError: showApiError("change the role") }));
  const remove = useMutation(trpc.member.remove.mutationOptions({ onSuccess: refetch, onError: showApiError("remove the member") }));
  const transfer = useMutation(trpc.member.transferOwnership.mutationOptions({ onSuccess: refetch, onError: showApiError("transfer ownership") }));
  const leave = useMutation(
    trpc.member.leave.mutationOptions({
      onSuccess: () => {
        dropProject(client, project.id);
        toast(`You left “${project.name}”`);
        onClose();
        router.replace("/");
      },
      onError: showApiError("leave the project"),
    }),
  );

  if (list.isPending) return <p className="muted">Loading members…</p>;
  if (list.isError) return <p className="field-error" role="alert">{readApiError(list.error).message}</p>;

  return (
    <div className="members-panel">
      {manage && <InviteForm projectId={project.id} onInvited={refetch} />}
      <ul className="member-rows" aria-label="Members">
        {list.data.members.map((member) => (
          <MemberRow
            key={member.userId}
            member={member}
            isMe={member.userId === me.data?.id}
            manage={manage}
            onRole={(role) => changeRole.mutate({ projectId: project.id, userId: member.userId, role })}
            onRemove={() => remove.mutate({ projectId: project.id, userId: member.userId })}
            onTransfer={() => transfer.mutate({ projectId: project.id, userId: member.userId })}
            onLeave={() => leave.mutate({ projectId: project.id })}
          />
        ))}
      </ul>
      {list.data.invitations.length > 0 && (
        <section aria-labelledby="pending-invitations">
          <h3 id="pending-invitations" className="field-label">Pending invitations</h3>
          <ul className="member-rows" aria-label="Pending invitations">
            {list.data.invitations.map((invitation) => (
              <li key={invitation.id} className="member-row" aria-label={invitation.email}>
                <span className="member-name">{invitation.email}</span>
                <span className="badge">{ROLE_LABEL[invitation.role]}</span>
                {manage && (
                  <button type="button" className="button small ghost danger" onClick={() => revoke.mutate({ invitationId: invitation.id })}>
                    Revoke
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

type MemberRowProps = {
  member: Member;
  isMe: boolean;
  manage: boolean;
  onRole: (role: "EDITOR" | "VIEWER") => void;
  onRemove: () => void;
  onTransfer: () => void;
  onLeave: () => void;
};

function MemberRow({ member, isMe, manage, onRole, onRemove, onTransfer, onLeave }: MemberRowProps) {
  const isOwner = member.role === "OWNER";
  return (
    <li className="member-row" aria-label={member.name}>
      <span className="avatar" aria-hidden="true">{member.name.slice(0, 1).toUpperCase()}</span>
      <span className="member-name">
        {member.name}
        {isMe && " (you)"}
        <span className="muted small"> {member.email}</span>
      </span>
      {manage && !isOwner ? (
        <select aria-label={`Role of ${member.name}`} value={member.role} onChange={(e) => onRole(e.target.value as "EDITOR" | "VIEWER")}>
          <option value="EDITOR">Editor</option>
          <option value="VIEWER">Viewer</option>
        </select>
      ) : (
        <span className="badge">{ROLE_LABEL[member.role]}</span>
      )}
      {manage && !isOwner && (
        <>
          <button type="button" className="button small ghost" onClick={onTransfer}>Make owner</button>
          <button type="button" className="button small ghost danger" onClick={onRemove} aria-label={`Remove ${member.name}`}>Remove</button>
        </>
      )}
      {isMe && !isOwner && <button type="button" className="button small ghost danger" onClick={onLeave}>Leave project</button>}
    </li>
  );
}

function InviteForm({ projectId, onInvited }: { projectId: string; onInvited: () => void }) {
  const trpc = useTRPC();
  const id = useId();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"EDITOR" | "VIEWER">("EDITOR");
  const invite = useMutation(trpc.member.invite.mutationOptions());

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate(
      { projectId, email: email.trim(), role },
      {
        onSuccess: (invitation) => {
          setEmail("");
          toast.success(`Invited ${invitation.email}`);
          onInvited();
        },
      },
    );
  }

  return (
    <form className="invite-form" onSubmit={submit} noValidate>
      <div className="field grow">
        <label className="field-label" htmlFor={`${id}-email`}>Invite by email</label>
        <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="name@example.com" autoComplete="off" />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as "EDITOR" | "VIEWER")}>
          <option value="EDITOR">Editor</option>
          <option value="VIEWER">Viewer</option>
        </select>
      </div>
      <button type="submit" className="button primary" disabled={invite.isPending || !email.trim()}>Invite</button>
      {invite.isError && <p className="field-error" role="alert">{readApiError(invite.error).message}</p>}
    </form>
  );
}
