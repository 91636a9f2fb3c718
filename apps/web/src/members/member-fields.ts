// Field schemas of the member procedures, with the messages a person sees.
import { z } from "zod";
import { PROJECT_LIMITS, ZMemberRoleSchema } from "@taskboard/events";
import { AppError } from "@/server/app-error";
import { hasNoNul } from "@/tags/tag-fields";

/** Lower-cased, so an invitation matches the account whatever case either was typed in. */
export const ZInviteEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(PROJECT_LIMITS.email, `Email must be at most ${PROJECT_LIMITS.email} characters`)
  .pipe(z.email("Enter a valid email address, like ada@example.com"));

export const ZInvitationIdSchema = z.uuid("Invitation id must be a UUID");
export const ZMemberUserIdSchema = z
  .string()
  .min(1, "User id must not be empty")
  .max(100, "User id must be at most 100 characters")
  .refine(hasNoNul, "User id cannot contain the NUL character (U+0000)");
export const ZGrantedRoleSchema = ZMemberRoleSchema;

export const invitationNotFound = () => new AppError("NOT_FOUND", "Invitation not found");
export const memberNotFound = () => new AppError("NOT_FOUND", "Member not found");
