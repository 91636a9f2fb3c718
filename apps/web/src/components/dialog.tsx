"use client";
// A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert
// (focus stays inside), Esc closes it, and the browser restores focus to the opener.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { CloseIcon } from "./icons";

type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: string;
  size?: "sm" | "md" | "lg";
  /** "alertdialog" for a question that needs an answer (a confirmation). */
  role?: "dialog" | "alertdialog";
  children?: ReactNode;
  footer?: ReactNode;
};

export function Dialog({ open, onClose, title, description, size = "md", role, children, footer }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      role={role === "alertdialog" ? role : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // React bubbles this through the component tree: a dialog opened from inside another
        // (a confirmation over the tags panel) must not close its parent too.
        if (event.target !== ref.current) return;
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (event.target === ref.current) onClose();
      }}
    >
      {open && (
        <div className="dialog-body">
          <header className="dialog-header">
            <div>
              <h2 id={titleId} className="dialog-title">{title}</h2>
              {description && <p id={descriptionId} className="dialog-description">{description}</p>}
            </div>
            <button type="button" className="icon-button" onClick={onClose} aria-label="Close dialog">
              <CloseIcon />
            </button>
          </header>
          {children && <div className="dialog-content">{children}</div>}
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
