// Test helpers other workspaces use: random RRULE text and what accepting a rule promises.
export { rruleText, SUPPORTED_PARTS, UNSUPPORTED_PARTS } from "./rrule-text.ts";
export { expectNamesPart, expectNextOrEnd, seriesCase, startsSeries, type SeriesCase } from "./series-expectations.ts";
