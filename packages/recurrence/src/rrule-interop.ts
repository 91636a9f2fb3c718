// rrule ships a CommonJS bundle ("main") and an ESM build ("module") whose extensionless imports
// Node cannot load. Bundlers (Next, Vitest) pick the ESM build, where the exports are named; plain
// Node (tsx in the workers) loads the CommonJS bundle, where they sit on `default`. Take either.
import * as rruleModule from "rrule";

type RRuleModule = typeof rruleModule;
const commonJs = Reflect.get(rruleModule, "default") as RRuleModule | undefined;
const resolved: RRuleModule = commonJs?.RRule ? commonJs : rruleModule;

export const RRule = resolved.RRule;
export const Weekday = resolved.Weekday;
export type RRule = rruleModule.RRule;
export type RRuleOptions = rruleModule.Options;
