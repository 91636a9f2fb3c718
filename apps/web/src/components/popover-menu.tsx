"use client";
// A button that opens a small panel of controls (checkbox lists in the filter bar). Closes on
// Escape (focus returns to the button) and on a click outside.
import { useCallback, useId, useRef, useState, type ReactNode } from "react";
import { ArrowDownIcon } from "./icons";
import { useCloseOnOutsidePointer } from "./use-close-on-outside-pointer";

export function PopoverMenu({ label, badge, children }: { label: string; badge?: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useCloseOnOutsidePointer(open, root, close);

  return (
    <div
      className="popover"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={`button filter-button${badge ? " is-active" : ""}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        {label}
        {badge ? <span className="badge" aria-label={`${badge} selected`}>{badge}</span> : null}
        <ArrowDownIcon />
      </button>
      <div id={panelId} className="popover-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
