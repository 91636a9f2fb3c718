"use client";
// Mount once on a signed-in page: runs live sync and shows a small live/reconnecting badge.
import type { ProjectChangeHooks } from "./apply-project-change";
import { useRealtimeSync } from "./use-realtime-sync";

const LABEL = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", off: "Live updates off" } as const;
const COLOR = { connecting: "#a16207", live: "#15803d", reconnecting: "#b91c1c", off: "#64748b" } as const;

export function RealtimeStatus({ hooks }: { hooks?: ProjectChangeHooks }) {
  const status = useRealtimeSync(hooks);
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="realtime-status"
      data-state={status}
      className="realtime-status"
      style={{
        position: "fixed",
        right: 12,
        bottom: 12,
        display: "flex",
        alignItems: "center",
        gap: 6,
        padding: "2px 10px",
        borderRadius: 999,
        fontSize: 12,
        background: "var(--surface, #fff)",
        border: "1px solid rgba(100, 116, 139, 0.35)",
        zIndex: 40,
      }}
    >
      <span aria-hidden style={{ width: 8, height: 8, borderRadius: 999, background: COLOR[status] }} />
      {LABEL[status]}
    </div>
  );
}
