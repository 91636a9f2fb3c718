// The audit page: the signed-in user's history. Signed-out visitors are sent to sign in.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { AuditPage } from "@/audit/audit-page";
import { getAuth } from "@/auth/server";

export const dynamic = "force-dynamic";

export default async function Audit() {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in");
  return (
    // useSearchParams (filters in the URL) needs a Suspense boundary.
    <Suspense fallback={<main className="audit-page"><p className="muted">Loading history…</p></main>}>
      <AuditPage />
    </Suspense>
  );
}
