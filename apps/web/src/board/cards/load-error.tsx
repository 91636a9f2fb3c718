// The panel shown when the board's tasks could not be loaded, with a retry.
import { AlertIcon } from "@/components/icons";
import { readApiError } from "../api-errors";

export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="state-panel is-error" role="alert">
      <AlertIcon />
      <h2>Tasks could not be loaded</h2>
      <p>{readApiError(error).message}</p>
      <button type="button" className="button" onClick={onRetry}>Try again</button>
    </div>
  );
}
