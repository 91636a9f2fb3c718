// A refused project or member action: the server's own message (a viewer's FORBIDDEN, a CONFLICT
// for someone already invited), so the person learns why.
import { toast } from "sonner";
import { readApiError } from "@/board/api-errors";

export function showApiError(action: string) {
  return (error: unknown) => toast.error(`Could not ${action}: ${readApiError(error).message}`);
}
