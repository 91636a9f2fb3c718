"use client";
// The frame of every history page (yours, a project's, the administration page): the app header,
// a title with a line saying what the page shows, then the page's own sections.
import type { ReactNode } from "react";
import { BoardHeader } from "@/board/board-header";
import { RealtimeStatus } from "@/realtime/realtime-status";

export interface HistoryShellProps {
  title: string;
  intro: ReactNode;
  className?: string;
  /** Show the live-updates status (pages whose entries arrive live). */
  live?: boolean;
  children: ReactNode;
}

export function HistoryShell({ title, intro, className, live = false, children }: HistoryShellProps) {
  return (
    <div className="app-shell">
      <BoardHeader current="history" />
      <main id="main" className={className ? `audit-page ${className}` : "audit-page"}>
        <div className="audit-title">
          <h1>{title}</h1>
          <p className="muted">{intro}</p>
        </div>
        {children}
      </main>
      {/* New entries arrive as "audit" changes of the feed, like the board's tasks. */}
      {live && <RealtimeStatus />}
    </div>
  );
}
