"use client";
// Client-wide providers: the tRPC + TanStack Query client and the toast outlet.
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { TRPCReactProvider } from "@/trpc/client";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <TRPCReactProvider>
      {children}
      <Toaster position="bottom-center" theme="system" closeButton duration={6000} toastOptions={{ className: "toast" }} />
    </TRPCReactProvider>
  );
}
