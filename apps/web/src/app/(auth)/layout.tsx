// Sign-in and sign-up share a centred card; signed-in visitors go straight to the board.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getAuth } from "@/auth/server";

export const dynamic = "force-dynamic";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (session) redirect("/");
  return (
    <main className="auth-page" id="main">
      <div className="auth-card">
        <div className="brand auth-brand">
          <span className="brand-mark" aria-hidden="true">✓</span>
          <span className="brand-name">Taskboard</span>
        </div>
        {children}
      </div>
    </main>
  );
}
