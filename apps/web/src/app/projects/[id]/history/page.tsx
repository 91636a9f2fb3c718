// A project's history, for its members: signed-out visitors are sent to sign in; anyone who is not
// a member gets the same 404 as for a project that does not exist (docs/administration.md).
import { findProjectNames } from "@taskboard/db";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { Suspense } from "react";
import { ProjectHistoryPage } from "@/audit/project-history-page";
import { getAuth } from "@/auth/server";
import { requireProjectAccess } from "@/projects/project-access";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ProjectHistory({ params }: { params: Promise<{ id: string }> }) {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const db = getDb();
  const access = await requireProjectAccess(db, { userId: session.user.id, projectId: id, need: "read" }).catch(() => null);
  if (!access) notFound();
  const name = (await findProjectNames(db, [id])).get(id) ?? "the project";
  return (
    // useSearchParams (filters in the URL) needs a Suspense boundary.
    <Suspense fallback={<main className="audit-page"><p className="muted">Loading history…</p></main>}>
      <ProjectHistoryPage projectId={id} projectName={name} />
    </Suspense>
  );
}
