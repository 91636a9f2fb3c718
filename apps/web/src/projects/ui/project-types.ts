// The project shapes the UI renders, inferred from the router (project.list, member.list).
import type { inferOutput } from "@trpc/tanstack-react-query";
import type { queryKeys } from "@/trpc/query-keys";

export type ProjectView = inferOutput<typeof queryKeys.project.get>;
export type ProjectRole = ProjectView["role"];
export type MemberList = inferOutput<typeof queryKeys.member.list>;
export type Member = MemberList["members"][number];
export type Invitation = inferOutput<typeof queryKeys.member.myInvitations>[number];

/** What each role may do; the server decides, these only hide buttons that would be refused. */
export const can = {
  write: (role: ProjectRole) => role === "OWNER" || role === "EDITOR",
  manage: (role: ProjectRole) => role === "OWNER",
};

export const PROJECT_COLORS = ["#d9480f", "#e8590c", "#f59f00", "#2b8a3e", "#0c8599", "#1c7ed6", "#5f3dc4", "#c2255c", "#868e96"] as const;
