"use client";
// A question that needs an answer before something irreversible happens, in place of
// window.confirm: an alertdialog on the shared Dialog, labelled by its question and described by
// its consequence. Focus starts on Cancel (the safe answer); Esc, the close button and a click on
// the backdrop cancel; focus returns to the button that asked.
import { useEffect, useRef } from "react";
import { Dialog } from "./dialog";

type ConfirmDialogProps = {
  open: boolean;
  /** The question, e.g. "Delete tag “home”?" (the dialog's accessible name). */
  title: string;
  /** What happens if the answer is yes (the dialog's description). */
  description: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** "danger" for destructive actions. */
  tone?: "danger" | "primary";
  onConfirm: () => void;
  onCancel: () => void;
};

export function ConfirmDialog({ open, title, description, confirmLabel, cancelLabel = "Cancel", tone = "danger", onConfirm, onCancel }: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Runs after Dialog's own effect has called showModal(), which focused the first control.
    if (open) cancelRef.current?.focus();
  }, [open]);

  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      description={description}
      size="sm"
      role="alertdialog"
      footer={
        <>
          <span className="spacer" />
          <button ref={cancelRef} type="button" className="button ghost" onClick={onCancel}>{cancelLabel}</button>
          <button type="button" className={`button ${tone === "danger" ? "danger-solid" : "primary"}`} onClick={onConfirm}>{confirmLabel}</button>
        </>
      }
    />
  );
}
