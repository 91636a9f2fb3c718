"use client";
// The notification tray: a bell with the unread count, the latest notifications (click one to
// open its task), mark read / mark all read, a way to turn on browser notifications, and a link to
// the history. Fresh data arrives through live sync ("notification" changes invalidate these
// queries) and on window focus; no polling.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { BellIcon } from "@/components/icons";
import { useTRPC } from "@/trpc/client";
import { useBrowserNotifications } from "./use-browser-notifications";
import "./notifications.css";
import { useCloseOnOutsidePointer } from "../components/use-close-on-outside-pointer";

const timeFormat = new Intl.DateTimeFormat(undefined, { weekday: "short", hour: "numeric", minute: "2-digit" });

export function NotificationTray() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const unread = useQuery(trpc.notification.unreadCount.queryOptions());
  const list = useQuery(trpc.notification.list.queryOptions({ limit: 20 }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() });
  const markRead = useMutation(trpc.notification.markRead.mutationOptions({ onSettled: refresh }));
  const markAllRead = useMutation(trpc.notification.markAllRead.mutationOptions({ onSettled: refresh }));

  const openTask = useCallback(
    (taskId: string | null) => {
      setOpen(false);
      if (taskId) router.push(`/?task=${encodeURIComponent(taskId)}`);
    },
    [router],
  );
  const browser = useBrowserNotifications(list.data?.items, openTask);

  const close = useCallback(() => setOpen(false), []);
  useCloseOnOutsidePointer(open, root, close);

  const count = unread.data?.count ?? 0;
  return (
    <div className="notification-tray" ref={root} onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        className="button ghost icon-text"
        aria-label={count > 0 ? `Notifications, ${count} unread` : "Notifications"}
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        <BellIcon />
        {count > 0 && <span className="badge" data-testid="notification-count">{count > 99 ? "99+" : count}</span>}
      </button>
      {open && (
        <div className="notification-panel" role="dialog" aria-label="Notifications">
          <div className="notification-panel-actions">
            <strong>Notifications</strong>
            <button type="button" className="button ghost small" disabled={count === 0 || markAllRead.isPending} onClick={() => markAllRead.mutate()}>
              Mark all read
            </button>
          </div>
          {list.data?.items.length ? (
            <ul className="notification-list">
              {list.data.items.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className={`notification-item${item.readAt ? "" : " is-unread"}`}
                    onClick={() => {
                      if (!item.readAt) markRead.mutate({ ids: [item.id] });
                      openTask(item.taskId);
                    }}
                  >
                    <div className="notification-title">{item.title}</div>
                    <div className="notification-meta">
                      {item.body} · {timeFormat.format(new Date(item.createdAt))}
                    </div>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{list.isPending ? "Loading…" : "No notifications yet."}</p>
          )}
          <div className="notification-panel-actions">
            {browser.permission === "default" && (
              <button type="button" className="button ghost small" onClick={() => void browser.ask()}>
                Turn on browser notifications
              </button>
            )}
            <Link href="/audit" className="button ghost small" onClick={() => setOpen(false)}>
              History
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
