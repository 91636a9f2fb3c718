// What anyone but an instance administrator sees at /admin (docs/administration.md).
import Link from "next/link";
import { ADMINS_ONLY } from "./admin-procedure";

export function AdminsOnly() {
  return (
    <main id="main" className="audit-page">
      <h1>{ADMINS_ONLY}</h1>
      <p role="alert">This page is for the administrators of this Taskboard instance.</p>
      <p>
        <Link href="/">Back to your board</Link>
      </p>
    </main>
  );
}
