"use client";
// Keeps this tab's TanStack Query cache in step with the signed-in user's change feed while the
// component that calls it is mounted; returns the connection status for an indicator.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { invalidateAllTasks } from "@/board/task-cache";
import { useTRPCClient } from "@/trpc/client";
import { applyChange, type VersionLedger } from "./apply-change";
import type { ProjectChangeHooks } from "./apply-project-change";
import { invalidateAuditLists } from "./audit-change";
import type { TChangesPage } from "./list-changes-since.schema";
import { openRealtimeConnection, type RealtimeConnection, type RealtimeStatus } from "./realtime-connection";
import { sessionSeqStore } from "./seq-tracker";

export function useRealtimeSync(hooks: ProjectChangeHooks = {}): RealtimeStatus {
  const queryClient = useQueryClient();
  // The latest hooks, read when a change arrives: a new callback must not reopen the socket.
  const hooksRef = useRef(hooks);
  useEffect(() => {
    hooksRef.current = hooks;
  });
  const trpcClient = useTRPCClient();
  const [status, setStatus] = useState<RealtimeStatus>("connecting");

  useEffect(() => {
    let connection: RealtimeConnection | undefined;
    let cancelled = false;
    const ledger: VersionLedger = new Map();
    openRealtimeConnection({
      fetchToken: () => trpcClient.realtime.token.mutate(),
      // (The wire type marks `payload: unknown` optional; every row has one.)
      fetchChangesSince: (afterSeq, limit) =>
        trpcClient.realtime.changesSince.query({ afterSeq, limit }) as Promise<TChangesPage>,
      apply: (change) => applyChange(queryClient, change, ledger, new Date(), hooksRef.current),
      reloadAll: () => {
        void invalidateAllTasks(queryClient);
        void invalidateAuditLists(queryClient);
      },
      seqStore: sessionSeqStore,
      onStatus: (next) => !cancelled && setStatus(next),
    }).then(
      (opened) => {
        if (cancelled) opened.close();
        else connection = opened;
      },
      () => !cancelled && setStatus("off"),
    );
    return () => {
      cancelled = true;
      connection?.close();
    };
  }, [queryClient, trpcClient]);

  return status;
}
