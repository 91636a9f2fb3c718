"use client";
// A history page's filters kept in its URL (shareable, survive a reload): read one, set or clear one.
import { useRouter, useSearchParams } from "next/navigation";

export function useUrlFilters(pathname: string) {
  const params = useSearchParams();
  const router = useRouter();
  return {
    get: (name: string) => params.get(name),
    set(name: string, value: string) {
      const next = new URLSearchParams(params.toString());
      if (value) next.set(name, value);
      else next.delete(name);
      router.replace(`${pathname}${next.size > 0 ? `?${next.toString()}` : ""}`);
    },
  };
}
