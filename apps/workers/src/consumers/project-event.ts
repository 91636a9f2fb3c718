// A validated project event (project.*, section.*, member.*, invitation.*) as the consumers of
// project-events receive it: a union narrowed by `type`.
import type { EventData, PROJECT_EVENT_DEFINITIONS, TCloudEvent } from "@taskboard/events";

type Definition = (typeof PROJECT_EVENT_DEFINITIONS)[number];

export type ProjectEvent = { [D in Definition as D["type"]]: TCloudEvent<D["type"], EventData<D>> }[Definition["type"]];
