// Cache tests put data under the keys the components' own queries use (`trpc.x.queryOptions()`),
// built by tRPC itself: a test that wrote them by hand would agree with hand-written keys in the
// code even when tRPC's differ, and pass while the tab stays stale.
export { queryKeys } from "../query-keys";
