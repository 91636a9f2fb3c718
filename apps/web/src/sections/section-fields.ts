// Field schemas of the section procedures, with the messages a person sees.
import { z } from "zod";
import { PROJECT_LIMITS } from "@taskboard/events";
import { nameSchema } from "@/projects/project-fields";
import { AppError } from "@/server/app-error";

export const ZSectionIdSchema = z.uuid("Section id must be a UUID");

export const ZSectionNameSchema = nameSchema("Section name", PROJECT_LIMITS.sectionName);

export const sectionNotFound = () => new AppError("NOT_FOUND", "Section not found");
