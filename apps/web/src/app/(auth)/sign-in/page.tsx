import type { Metadata } from "next";
import { AuthForm } from "../auth-form";

export const metadata: Metadata = { title: "Sign in · Taskboard" };

export default function SignInPage() {
  return <AuthForm mode="sign-in" />;
}
