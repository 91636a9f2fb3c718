"use client";
// Top bar of every signed-in page: product name, Board / History navigation, tag management and
// shortcut help (where the page has them: the board) and the signed-in user with sign out.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { authClient } from "@/auth/client";
import { KeyboardIcon, TagIcon } from "@/components/icons";
import { NotificationTray } from "@/notifications/notification-tray";
import { useTRPC } from "@/trpc/client";

const PAGES = [
  { id: "board", href: "/", label: "Board" },
  { id: "history", href: "/audit", label: "History" },
] as const;

export interface BoardHeaderProps {
  /** The page showing it, marked in the navigation. */
  current?: (typeof PAGES)[number]["id"];
  onOpenTags?: () => void;
  onOpenHelp?: () => void;
}

export function BoardHeader({ current = "board", onOpenTags, onOpenHelp }: BoardHeaderProps) {
  const trpc = useTRPC();
  const me = useQuery(trpc.user.me.queryOptions());
  const router = useRouter();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    const { error } = await authClient.signOut();
    if (error) {
      setSigningOut(false);
      toast.error(error.message ?? "Could not sign out");
      return;
    }
    // Another person may sign in on this browser next: drop everything cached for this one.
    queryClient.clear();
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <header className="app-header">
      <div className="header-start">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">✓</span>
          <span className="brand-name">Taskboard</span>
        </div>
        <nav className="header-pages" aria-label="Pages">
          {PAGES.map((page) => (
            <Link key={page.id} href={page.href} className="header-page" aria-current={page.id === current ? "page" : undefined}>
              {page.label}
            </Link>
          ))}
        </nav>
      </div>
      <nav className="header-actions" aria-label="Account and tools">
        <NotificationTray />
        {onOpenTags && (
          <button type="button" className="button ghost icon-text" onClick={onOpenTags} aria-label="Manage tags">
            <TagIcon /> <span className="hide-narrow">Tags</span>
          </button>
        )}
        {onOpenHelp && (
          <button type="button" className="button ghost icon-text" onClick={onOpenHelp} aria-label="Keyboard shortcuts">
            <KeyboardIcon />
          </button>
        )}
        {me.data && (
          <span className="user-name" title={me.data.email}>
            <span className="avatar" aria-hidden="true">{me.data.name.slice(0, 1).toUpperCase()}</span>
            <span className="hide-narrow">{me.data.name}</span>
          </span>
        )}
        <button type="button" className="button" onClick={() => void signOut()} disabled={signingOut}>
          {signingOut ? "Signing out…" : "Sign out"}
        </button>
      </nav>
    </header>
  );
}
