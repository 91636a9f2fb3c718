// The Inbox: the signed-in user's personal project.
import { Suspense } from "react";
import { CardSkeletons } from "@/components/skeleton";
import { InboxBoard } from "@/sidebar/inbox-board";

export const dynamic = "force-dynamic";

export default function Inbox() {
  return (
    <Suspense fallback={<main className="board"><CardSkeletons /></main>}>
      <InboxBoard />
    </Suspense>
  );
}
