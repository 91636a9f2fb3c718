"use client";
// The "?" overlay listing every keyboard shortcut.
import { Dialog } from "@/components/dialog";
import { SHORTCUTS } from "./use-board-shortcuts";

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" description="Shortcuts work when you are not typing in a field." size="sm">
      <dl className="shortcut-list">
        {SHORTCUTS.map((s) => (
          <div key={s.action} className="shortcut-row">
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>{i > 0 && <span className="muted"> or </span>}<kbd>{k}</kbd></span>
              ))}
            </dt>
            <dd>{s.action}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
