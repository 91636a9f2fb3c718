"use client";
// Invitations to the signed-in user's email, above the board, each with Accept and Decline.
// Accepting opens the project; a new invitation arrives live (the feed's "invitation" change).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/trpc/client";
import { addProject } from "./project-cache";
import { showApiError } from "./show-api-error";
import "./projects.css";

export function InvitationsBanner() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const router = useRouter();
  const invitations = useQuery(trpc.member.myInvitations.queryOptions());
  const refetch = () => void client.invalidateQueries(trpc.member.myInvitations.queryFilter());
  const accept = useMutation(
    trpc.member.acceptInvitation.mutationOptions({
      onSuccess: (project) => {
        refetch();
        addProject(client, project);
        router.push(`/projects/${project.id}`);
      },
      onError: showApiError("accept the invitation"),
    }),
  );
  const decline = useMutation(trpc.member.declineInvitation.mutationOptions({ onSuccess: refetch, onError: showApiError("decline the invitation") }));

  if (!invitations.data?.length) return null;
  return (
    <section className="invitations" aria-label="Invitations">
      {invitations.data.map((invitation) => (
        <div key={invitation.id} className="banner invitation" role="group" aria-label={`Invitation to ${invitation.projectName}`}>
          <p>
            You are invited to <strong>{invitation.projectName}</strong> as {invitation.role === "EDITOR" ? "an editor" : "a viewer"}.
          </p>
          <div className="banner-actions">
            <button type="button" className="button primary small" disabled={accept.isPending} onClick={() => accept.mutate({ invitationId: invitation.id })}>
              Accept
            </button>
            <button type="button" className="button small" disabled={decline.isPending} onClick={() => decline.mutate({ invitationId: invitation.id })}>
              Decline
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
