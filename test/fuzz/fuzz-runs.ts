/** Bounded in `npm test`; `npm run fuzz` sets FUZZ_RUNS for a long run. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 60);
export const FUZZ_TIMEOUT_MS = Math.max(60000, FUZZ_RUNS * 200);
