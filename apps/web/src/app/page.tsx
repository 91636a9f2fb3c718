// The board. Signed-out visitors are sent to sign in before any of it renders.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { getAuth } from "@/auth/server";
import { BoardPage } from "@/board/board-page";
import { CardSkeletons } from "@/components/skeleton";

export const dynamic = "force-dynamic";

export default async function Home() {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in");
  return (
    // useSearchParams (filters in the URL) needs a Suspense boundary.
    <Suspense fallback={<main className="board"><CardSkeletons /></main>}>
      <BoardPage />
    </Suspense>
  );
}
