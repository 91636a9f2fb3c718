"use client";
// Browser (OS) notifications for in-app notifications that arrive while the page is open. The
// permission is asked for only from a click (browsers ignore or penalise asking on load).
import { useCallback, useEffect, useRef, useState } from "react";

type Permission = NotificationPermission | "unsupported";

function currentPermission(): Permission {
  return typeof window !== "undefined" && "Notification" in window ? Notification.permission : "unsupported";
}

export function useBrowserNotifications(items: { id: string; title: string; body: string; taskId: string | null }[] | undefined, onOpen: (taskId: string | null) => void) {
  const [permission, setPermission] = useState<Permission>("unsupported");
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => setPermission(currentPermission()), []);

  const ask = useCallback(async () => {
    if (currentPermission() === "unsupported") return;
    setPermission(await Notification.requestPermission());
  }, []);

  useEffect(() => {
    if (!items) return;
    // The first list is what was already there: announce only what arrives later.
    if (!seen.current) {
      seen.current = new Set(items.map((item) => item.id));
      return;
    }
    for (const item of items) {
      if (seen.current.has(item.id)) continue;
      seen.current.add(item.id);
      if (currentPermission() !== "granted") continue;
      const shown = new Notification(item.title, { body: item.body, tag: item.id });
      shown.onclick = () => {
        window.focus();
        onOpen(item.taskId);
      };
    }
  }, [items, onOpen]);

  return { permission, ask };
}
