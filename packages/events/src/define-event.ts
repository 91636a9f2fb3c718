import type { z } from "zod";
import type { TTopic } from "./topics.ts";

/** One event type: its name, the topic it travels on, its schema version and its data schema. */
export interface EventDefinition<TType extends string = string, TData extends z.ZodType = z.ZodType> {
  type: TType;
  topic: TTopic;
  version: number;
  data: TData;
}

export function defineEvent<TType extends string, TData extends z.ZodType>(
  definition: EventDefinition<TType, TData>,
): EventDefinition<TType, TData> {
  return definition;
}

export type EventData<TDef extends EventDefinition> = z.infer<TDef["data"]>;
