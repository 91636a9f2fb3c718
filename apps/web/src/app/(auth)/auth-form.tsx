"use client";
// One form for sign-in and sign-up: labelled fields, the server's message when it fails, and the
// board once it succeeds.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authClient } from "@/auth/client";

type Mode = "sign-in" | "sign-up";

export function AuthForm({ mode }: { mode: Mode }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    setPending(true);
    setError(null);
    const { error: failure } =
      mode === "sign-up"
        ? await authClient.signUp.email({ name, email, password })
        : await authClient.signIn.email({ email, password });
    if (failure) {
      setPending(false);
      setError(failure.message ?? (mode === "sign-up" ? "Could not create the account." : "Wrong email or password."));
      return;
    }
    router.replace("/");
    router.refresh();
  }

  const signUp = mode === "sign-up";
  return (
    <>
      <h1 className="auth-title">{signUp ? "Create your account" : "Welcome back"}</h1>
      <p className="muted auth-subtitle">{signUp ? "Capture tasks in plain words. Free, private, yours." : "Sign in to your board."}</p>
      <form className="auth-form" onSubmit={submit} aria-describedby={error ? "auth-error" : undefined}>
        {error && <div id="auth-error" className="banner danger" role="alert">{error}</div>}
        {signUp && (
          <div className="field">
            <label htmlFor="name" className="field-label">Name</label>
            <input id="name" name="name" autoComplete="name" required />
          </div>
        )}
        <div className="field">
          <label htmlFor="email" className="field-label">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" required />
        </div>
        <div className="field">
          <label htmlFor="password" className="field-label">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete={signUp ? "new-password" : "current-password"}
            minLength={signUp ? 8 : undefined}
            required
            aria-describedby={signUp ? "password-hint" : undefined}
          />
          {signUp && <p id="password-hint" className="muted small">At least 8 characters.</p>}
        </div>
        <button type="submit" className="button primary block" disabled={pending}>
          {pending ? (signUp ? "Creating account…" : "Signing in…") : signUp ? "Create account" : "Sign in"}
        </button>
      </form>
      <p className="auth-switch">
        {signUp ? "Already have an account? " : "New here? "}
        <Link href={signUp ? "/sign-in" : "/sign-up"}>{signUp ? "Sign in" : "Create an account"}</Link>
      </p>
    </>
  );
}
