// The administration page: instance administrators (ADMIN_EMAILS) only. Signed-out visitors are
// sent to sign in; anyone else is told "Administrators only" (the admin.* procedures refuse them
// too, FORBIDDEN) and shown none of the data (docs/administration.md).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { isInstanceAdmin } from "@/admin/admin-emails";
import { AdminPage } from "@/admin/admin-page";
import { adminEmails } from "@/admin/admin-settings";
import { AdminsOnly } from "@/admin/admins-only";
import { getAuth } from "@/auth/server";

export const dynamic = "force-dynamic";

export default async function Admin() {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in");
  if (!isInstanceAdmin(session.user.email, await adminEmails())) return <AdminsOnly />;
  return (
    // useSearchParams (filters in the URL) needs a Suspense boundary.
    <Suspense fallback={<main className="audit-page"><p className="muted">Loading…</p></main>}>
      <AdminPage />
    </Suspense>
  );
}
